namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Redirect&gt;</c>: continues the call with the document at another URL.</summary>
internal sealed record RedirectVerb : RcmlVerb
{
    /// <summary>The URL (the element's text), relative to the document's URL; null when absent.</summary>
    public Uri? Url { get; init; }

    /// <summary><c>method</c>.</summary>
    public RcmlHttpMethod Method { get; init; } = RcmlHttpMethod.Post;

    /// <inheritdoc/>
    public override string ElementName => "Redirect";
}
