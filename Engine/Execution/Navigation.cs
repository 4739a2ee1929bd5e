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
}
