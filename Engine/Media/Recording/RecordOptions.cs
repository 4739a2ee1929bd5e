namespace RcmlEngine.Media.Recording;

/// <summary>How to record the caller (Record's attributes).</summary>
internal sealed record RecordOptions
{
    /// <summary>The WAV file to write (8 kHz, 16-bit, mono).</summary>
    public required string FilePath { get; init; }

    /// <summary>Stop after this much silence (Record's <c>timeout</c>); zero never stops on silence.</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Stop at this length (Record's <c>maxLength</c>).</summary>
    public TimeSpan MaxLength { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Cut silence before the first and after the last speech (Record's <c>trim="trim-silence"</c>).</summary>
    public bool TrimSilence { get; init; } = true;

    /// <summary>The RMS level (16-bit scale) at or above which a 20 ms block counts as speech, about -40 dBm0 by default.</summary>
    public double SpeechThreshold { get; init; } = SilenceDetector.DefaultThreshold;

    /// <summary>Set by the owner before it cancels the recording for a reason other than the call's end (a finish key).</summary>
    public RecordingStopCause? StopCause { get; init; }
}
