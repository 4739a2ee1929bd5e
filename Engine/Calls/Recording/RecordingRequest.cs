namespace RcmlEngine.Calls.Recording;

/// <summary>How to record the caller (<c>&lt;Record&gt;</c>). Defaults are Twilio's.</summary>
internal sealed record RecordingRequest
{
    /// <summary>The WAV file to write (its folder exists). The engine's recording store chooses it.</summary>
    public required string FilePath { get; init; }

    /// <summary>Play a beep before recording. Default true.</summary>
    public bool PlayBeep { get; init; } = true;

    /// <summary>Silence that ends the recording; <see cref="TimeSpan.Zero"/> never ends it on silence. Default 5 s.</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest recording. Default 1 hour.</summary>
    public TimeSpan MaxLength { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Keys that end the recording (none is recorded); empty for none. Default any key.</summary>
    public string FinishOnKey { get; init; } = "1234567890*#";

    /// <summary>Cut leading and trailing silence from the file. Default true.</summary>
    public bool TrimSilence { get; init; } = true;
}
