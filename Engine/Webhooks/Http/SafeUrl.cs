using RcmlEngine.Diagnostics;

namespace RcmlEngine.Webhooks.Http;

/// <summary>
/// A URL fit for logs above Trace: scheme, host, port and path only (<see cref="UrlRedaction"/>, which
/// media fetching uses too). Query strings carry phone numbers (GET webhooks) and user info carries
/// passwords, so both stay out.
/// </summary>
internal static class SafeUrl
{
    /// <summary><c>https://app.example.com:8443/voice</c>.</summary>
    public static string Of(Uri url) => UrlRedaction.Of(url);
}
