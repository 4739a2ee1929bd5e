namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Number&gt;</c>: a phone number to dial.</summary>
internal sealed record NumberNoun : RcmlNoun
{
    /// <summary>The number (the element's text), E.164 or an unformatted national number.</summary>
    public string PhoneNumber { get; init; } = string.Empty;

    /// <summary><c>sendDigits</c>: DTMF sent once the call is answered (<c>w</c> waits half a second).</summary>
    public string? SendDigits { get; init; }

    /// <summary><c>url</c>: a document run on the called party before bridging (call screening, whisper).</summary>
    public Uri? Url { get; init; }

    /// <summary><c>method</c> for <see cref="Url"/>.</summary>
    public RcmlHttpMethod Method { get; init; } = RcmlHttpMethod.Post;

    /// <summary><c>statusCallbackEvent</c>.</summary>
    public CallProgressEvents StatusCallbackEvent { get; init; } = CallProgressEvents.Completed;

    /// <summary><c>statusCallback</c>: receives the leg's progress events.</summary>
    public Uri? StatusCallback { get; init; }

    /// <summary><c>statusCallbackMethod</c>.</summary>
    public RcmlHttpMethod StatusCallbackMethod { get; init; } = RcmlHttpMethod.Post;

    /// <inheritdoc/>
    public override string ElementName => "Number";
}
