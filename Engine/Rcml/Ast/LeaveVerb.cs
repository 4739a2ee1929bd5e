namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Leave&gt;</c>: takes the caller out of the queue (in a <c>waitUrl</c> document).</summary>
internal sealed record LeaveVerb : RcmlVerb
{
    /// <inheritdoc/>
    public override string ElementName => "Leave";
}
