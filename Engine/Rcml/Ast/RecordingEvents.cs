namespace RcmlEngine.Rcml.Ast;

/// <summary><c>recordingStatusCallbackEvent</c>: which recording events are reported.</summary>
[Flags]
internal enum RecordingEvents
{
    /// <summary>No event.</summary>
    None = 0,

    /// <summary><c>in-progress</c>.</summary>
    InProgress = 1,

    /// <summary><c>completed</c> (the default).</summary>
    Completed = 2,

    /// <summary><c>absent</c>: nothing was recorded.</summary>
    Absent = 4,
}
