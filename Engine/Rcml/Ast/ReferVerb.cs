namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Refer&gt;</c>: transfers a SIP call with a SIP REFER to the nested <c>&lt;Sip&gt;</c> target.</summary>
internal sealed record ReferVerb : RcmlVerb
{
    /// <summary>The nested nouns (the validator requires exactly one <c>Sip</c>).</summary>
    public IReadOnlyList<RcmlNoun> Nouns { get; init; } = [];

    /// <summary><c>action</c>: requested when the transfer ends; null continues with the next verb.</summary>
    public Uri? Action { get; init; }

    /// <summary><c>method</c> for <see cref="Action"/>.</summary>
    public RcmlHttpMethod Method { get; init; } = RcmlHttpMethod.Post;

    /// <inheritdoc/>
    public override string ElementName => "Refer";
}
