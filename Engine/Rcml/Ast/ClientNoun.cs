namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Client&gt;</c>: a registered client (softphone) to dial by identity.</summary>
internal sealed record ClientNoun : RcmlNoun
{
    /// <summary>The identity: the element's text, a nested <c>&lt;Identity&gt;</c>, or Restcomm's <c>name</c>.</summary>
    public string Identity { get; init; } = string.Empty;

    /// <summary>Nested <c>&lt;Parameter name value&gt;</c> pairs passed to the client.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary><c>url</c>: a document run on the client before bridging.</summary>
    public Uri? Url { get; init; }

    /// <summary><c>method</c> for <see cref="Url"/>.</summary>
    public RcmlHttpMethod Method { get; init; } = RcmlHttpMethod.Post;

    /// <summary><c>statusCallbackEvent</c>.</summary>
    public CallProgressEvents StatusCallbackEvent { get; init; } = CallProgressEvents.Completed;

    /// <summary><c>statusCallback</c>.</summary>
    public Uri? StatusCallback { get; init; }

    /// <summary><c>statusCallbackMethod</c>.</summary>
    public RcmlHttpMethod StatusCallbackMethod { get; init; } = RcmlHttpMethod.Post;

    /// <summary>Restcomm's nested <c>&lt;Video&gt;</c>.</summary>
    public VideoNoun? Video { get; init; }

    /// <inheritdoc/>
    public override string ElementName => "Client";
}
