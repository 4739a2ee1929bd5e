using RcmlEngine.Webhooks.Signing;

namespace RcmlEngine.Tests.Support;

/// <summary>One request <see cref="TestWebApp"/> received, as it arrived.</summary>
internal sealed record RecordedRequest
{
    /// <summary>Arrival order over the whole app, from 0.</summary>
    public required int Index { get; init; }

    /// <summary>GET, POST...</summary>
    public required string Method { get; init; }

    /// <summary>The path, decoded (<c>/voice</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The raw query string with its <c>?</c>, or empty.</summary>
    public required string QueryString { get; init; }

    /// <summary>The absolute URL as the client sent it (raw target), as signatures see it.</summary>
    public required string Url { get; init; }

    /// <summary>Query parameters (first value of each).</summary>
    public required IReadOnlyDictionary<string, string> Query { get; init; }

    /// <summary>Form parameters in body order (empty unless form-encoded).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> FormPairs { get; init; }

    /// <summary>Headers, names case-insensitive, repeated values joined with a comma.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The raw body (UTF-8).</summary>
    public required string Body { get; init; }

    /// <summary>When it arrived (system clock).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Form parameters by name (first value).</summary>
    public IReadOnlyDictionary<string, string> Form =>
        FormPairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);

    /// <summary>A parameter from the form, else from the query; null when absent.</summary>
    public string? this[string name] =>
        FormPairs.FirstOrDefault(p => p.Key == name).Value ?? Query.GetValueOrDefault(name);

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.GetValueOrDefault(name);

    /// <summary>True when <c>X-Twilio-Signature</c> is right for this URL and form under <paramref name="authToken"/>.</summary>
    public bool HasValidSignature(string authToken) =>
        TwilioSignatureValidator.IsValid(authToken, Url, Method == "POST" ? FormPairs : null, Header(TwilioSignature.HeaderName));
}
