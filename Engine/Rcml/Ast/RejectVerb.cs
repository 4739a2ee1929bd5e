namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Reject&gt;</c>: declines an incoming call without answering it.</summary>
internal sealed record RejectVerb : RcmlVerb
{
    /// <summary><c>reason</c>.</summary>
    public RejectReason Reason { get; init; } = RejectReason.Rejected;

    /// <summary>Nested <c>&lt;Parameter name value&gt;</c> pairs, sent as <c>X-name</c> headers on the rejection (486/603).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <inheritdoc/>
    public override string ElementName => "Reject";
}
