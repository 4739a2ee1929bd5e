namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Hangup&gt;</c>: ends the call.</summary>
internal sealed record HangupVerb : RcmlVerb
{
    /// <inheritdoc/>
    public override string ElementName => "Hangup";
}
