namespace RcmlEngine.Media.Recording;

/// <summary>What ended a recording (<c>&lt;Record&gt;</c>).</summary>
internal enum RecordingEnd
{
    /// <summary>The caller pressed a finish key (seen by the call, which owns the digits).</summary>
    FinishKey,

    /// <summary>The caller was silent for the silence timeout.</summary>
    Silence,

    /// <summary>The maximum length was reached.</summary>
    MaxLength,

    /// <summary>The call ended, or the recording was stopped from outside; what was recorded is kept.</summary>
    Hangup,
}
