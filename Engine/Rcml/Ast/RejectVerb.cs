namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Reject&gt;</c>: declines an incoming call without answering it.</summary>
internal sealed record RejectVerb : RcmlVerb
{
    /// <summary><c>reason</c>.</summary>
    public RejectReason Reason { get; init; } = RejectReason.Rejected;

    /// <inheritdoc/>
    public override string ElementName => "Reject";
}
