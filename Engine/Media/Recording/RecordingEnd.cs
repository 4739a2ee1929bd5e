namespace RcmlEngine.Media.Recording;

/// <summary>Why a recording stopped.</summary>
internal enum RecordingEnd
{
    /// <summary>The caller was silent for the silence timeout.</summary>
    Silence,

    /// <summary>The maximum length was reached.</summary>
    MaxLength,

    /// <summary>The caller pressed a finish key.</summary>
    Key,

    /// <summary>The call ended or the recording was cancelled; what was recorded is kept.</summary>
    Cancelled,
}
