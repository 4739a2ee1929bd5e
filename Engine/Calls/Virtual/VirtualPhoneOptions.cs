namespace RcmlEngine.Calls.Virtual;

/// <summary>
/// How long the virtual phone pretends things take (there is no audio, so it cannot know). Zero makes
/// a prompt instant, which unit tests with a fake clock like.
/// </summary>
internal sealed record VirtualPhoneOptions
{
    /// <summary>Speech time per word of a <c>Say</c> (about 150 words a minute). Default 400 ms.</summary>
    public TimeSpan SpeechPerWord { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Length assumed for an audio file (it is not fetched). Default 3 s.</summary>
    public TimeSpan AudioLength { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Length of the recording beep. Default 500 ms.</summary>
    public TimeSpan BeepLength { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Length of one DTMF key sent (tone and gap). Default 150 ms.</summary>
    public TimeSpan DigitLength { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Time between two keys the scripted caller presses. Default 200 ms.</summary>
    public TimeSpan KeyInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Pauses (<c>&lt;Pause&gt;</c>, silence) take no time either (<c>rcml run --fast</c>). Default false.</summary>
    public bool SkipSilence { get; init; }

    /// <summary>Every duration zero: prompts take no time (for tests on a fake clock).</summary>
    public static VirtualPhoneOptions Instant { get; } = new()
    {
        SpeechPerWord = TimeSpan.Zero,
        AudioLength = TimeSpan.Zero,
        BeepLength = TimeSpan.Zero,
        DigitLength = TimeSpan.Zero,
        KeyInterval = TimeSpan.Zero,
    };
}
