using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Outbound;

/// <summary>The REST API's <c>Record</c> of a call: from its answer to its end, mono or dual, trimmed or not, reported to a callback.</summary>
internal sealed record OutboundRecording
{
    /// <summary>Two channels (<c>RecordingChannels=dual</c>) instead of one.</summary>
    public bool Dual { get; init; }

    /// <summary>Silence at the start and end is cut (<c>Trim=trim-silence</c>).</summary>
    public bool TrimSilence { get; init; }

    /// <summary>Receives the recording's status (<c>RecordingStatusCallback</c>); null for none.</summary>
    public Uri? StatusCallback { get; init; }

    /// <summary>How <see cref="StatusCallback"/> is requested.</summary>
    public RcmlHttpMethod StatusCallbackMethod { get; init; } = RcmlHttpMethod.Post;

    /// <summary>Which statuses are reported (<c>RecordingStatusCallbackEvent</c>); default completed.</summary>
    public RecordingEvents StatusCallbackEvents { get; init; } = RecordingEvents.Completed;
}
