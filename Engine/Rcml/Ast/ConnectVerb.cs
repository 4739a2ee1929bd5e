namespace RcmlEngine.Rcml.Ast;

/// <summary>
/// <c>&lt;Connect&gt;</c>: connects the call to something that takes it over (a bidirectional <c>&lt;Stream&gt;</c>);
/// the document waits until it ends, then goes to <see cref="Action"/> or the next verb.
/// </summary>
internal sealed record ConnectVerb : RcmlVerb
{
    /// <summary>What to connect to: one noun.</summary>
    public IReadOnlyList<RcmlNoun> Nouns { get; init; } = [];

    /// <summary><c>action</c>: fetched when the connection ends; null: the next verb runs.</summary>
    public Uri? Action { get; init; }

    /// <summary><c>method</c> for <see cref="Action"/>.</summary>
    public RcmlHttpMethod Method { get; init; } = RcmlHttpMethod.Post;

    /// <inheritdoc/>
    public override string ElementName => "Connect";
}
