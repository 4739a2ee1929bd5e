namespace RcmlEngine.Rcml.Ast;

/// <summary>
/// <c>&lt;Recording&gt;</c> of <c>&lt;Start&gt;</c>: records the call in the background. Parsed; not executed yet
/// (reported as not supported).
/// </summary>
internal sealed record StartRecordingNoun : RcmlNoun
{
    /// <summary><c>recordingStatusCallback</c>.</summary>
    public Uri? RecordingStatusCallback { get; init; }

    /// <summary><c>recordingStatusCallbackMethod</c>.</summary>
    public RcmlHttpMethod RecordingStatusCallbackMethod { get; init; } = RcmlHttpMethod.Post;

    /// <summary><c>recordingStatusCallbackEvent</c>.</summary>
    public RecordingEvents RecordingStatusCallbackEvent { get; init; } = RecordingEvents.Completed;

    /// <summary><c>trim</c>.</summary>
    public RecordingTrim Trim { get; init; } = RecordingTrim.DoNotTrim;

    /// <summary><c>track</c> (<c>inbound</c>, <c>outbound</c> or <c>both</c>) as written; null when absent.</summary>
    public string? Track { get; init; }

    /// <summary><c>channels</c> (<c>mono</c> or <c>dual</c>) as written; null when absent.</summary>
    public string? Channels { get; init; }

    /// <inheritdoc/>
    public override string ElementName => "Recording";
}
