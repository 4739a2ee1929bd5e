namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Sip&gt;</c>: a SIP URI to dial (or, in <c>&lt;Refer&gt;</c>, to transfer to).</summary>
internal sealed record SipNoun : RcmlNoun
{
    /// <summary>The parsed URI: the element's text, or Restcomm's <c>name</c> attribute; null when absent or invalid.</summary>
    public RcmlSipUri? Uri { get; init; }

    /// <summary><c>username</c> for digest authentication.</summary>
    public string? Username { get; init; }

    /// <summary><c>password</c> for digest authentication.</summary>
    public string? Password { get; init; }

    /// <summary><c>url</c>: a document run on the called party before bridging (call screening).</summary>
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
    public override string ElementName => "Sip";
}
