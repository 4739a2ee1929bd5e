namespace RcmlEngine.Calls.Recording;

/// <summary>What ended a recording.</summary>
internal enum RecordingEnd
{
    /// <summary>A key of <see cref="RecordingRequest.FinishOnKey"/>.</summary>
    FinishKey,

    /// <summary><see cref="RecordingRequest.SilenceTimeout"/> of silence.</summary>
    Silence,

    /// <summary><see cref="RecordingRequest.MaxLength"/> reached.</summary>
    MaxLength,

    /// <summary>The call ended.</summary>
    Hangup,
}
