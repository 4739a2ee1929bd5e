using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution;

/// <summary>The next document to fetch: a Redirect, or an action with what the verb collected.</summary>
/// <param name="Url">Absolute URL (relative ones are resolved against the current document first).</param>
/// <param name="Method">GET or POST.</param>
/// <param name="Parameters">Sent after the call's standard parameters (<c>Digits</c>, <c>RecordingUrl</c>...).</param>
internal sealed record Navigation(Uri Url, RcmlHttpMethod Method, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    /// <summary>A navigation without extra parameters.</summary>
    public Navigation(Uri url, RcmlHttpMethod method)
        : this(url, method, [])
    {
    }

    /// <summary>
    /// The document itself, given inline (the REST API's <c>Twiml</c>): read instead of fetching
    /// <see cref="Url"/>, which then only serves to resolve the document's relative URLs. Null fetches.
    /// </summary>
    public string? Twiml { get; init; }

    /// <summary>An inline document, its relative URLs resolved against <paramref name="baseUrl"/>.</summary>
    public static Navigation Inline(string twiml, Uri baseUrl) => new(baseUrl, RcmlHttpMethod.Post) { Twiml = twiml };
}
