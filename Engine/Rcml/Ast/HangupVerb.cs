namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Hangup&gt;</c>: ends the call.</summary>
internal sealed record HangupVerb : RcmlVerb
{
    /// <summary>Nested <c>&lt;Parameter name value&gt;</c> pairs, sent as <c>X-name</c> headers on the BYE.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <inheritdoc/>
    public override string ElementName => "Hangup";
}
