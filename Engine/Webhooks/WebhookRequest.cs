namespace RcmlEngine.Webhooks;

/// <summary>
/// One request to an application: where, how, with which parameters, signed with which token.
/// Parameters keep their order; the signature sorts them itself.
/// </summary>
/// <param name="Url">Absolute http or https URL, possibly with a query string of its own.</param>
/// <param name="Method">POST (form body) or GET (query string).</param>
/// <param name="Parameters">Name/value pairs sent to the application (CallSid, From, Digits...).</param>
/// <param name="AuthToken">The account's AuthToken for <c>X-Twilio-Signature</c>; null sends no signature.</param>
internal sealed record WebhookRequest(
    Uri Url,
    WebhookMethod Method,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string? AuthToken)
{
    /// <summary>The same request with more parameters appended (later ones do not replace earlier ones).</summary>
    public WebhookRequest WithParameters(IEnumerable<KeyValuePair<string, string>> extra) =>
        this with { Parameters = Parameters.Concat(extra).ToList() };
}
