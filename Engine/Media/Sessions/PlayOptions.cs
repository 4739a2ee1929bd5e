namespace RcmlEngine.Media.Sessions;

/// <summary>How to play a source.</summary>
/// <param name="StopOnDigit">Barge-in: stop as soon as a digit is waiting (the digit stays queued for collection).</param>
internal sealed record PlayOptions(bool StopOnDigit = false)
{
    /// <summary>Play to the end.</summary>
    public static PlayOptions ToEnd { get; } = new();

    /// <summary>Stop at the first digit (prompts inside <c>&lt;Gather&gt;</c>).</summary>
    public static PlayOptions BargeIn { get; } = new(StopOnDigit: true);
}
