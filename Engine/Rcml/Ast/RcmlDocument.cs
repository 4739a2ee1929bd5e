namespace RcmlEngine.Rcml.Ast;

/// <summary>A parsed <c>&lt;Response&gt;</c>: the verbs to run, in document order.</summary>
internal sealed record RcmlDocument : RcmlNode
{
    /// <summary>The top-level verbs. Unknown or misplaced elements are left out (and reported).</summary>
    public IReadOnlyList<RcmlVerb> Verbs { get; init; } = [];

    /// <inheritdoc/>
    public override string ElementName => "Response";
}
