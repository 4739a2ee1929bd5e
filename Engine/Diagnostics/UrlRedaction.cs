namespace RcmlEngine.Diagnostics;

/// <summary>
/// A URL fit for logs above Trace and for error messages: scheme, host, port and path only. Query
/// strings carry phone numbers (GET webhooks) and access tokens (signed media URLs), and user info
/// carries passwords, so both stay out. Webhooks (<c>SafeUrl</c>) and media fetching share it.
/// </summary>
internal static class UrlRedaction
{
    /// <summary><c>https://app.example.com:8443/voice</c>.</summary>
    public static string Of(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(relative URL)";
    }
}
