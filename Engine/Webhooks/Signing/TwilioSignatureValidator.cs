using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace RcmlEngine.Webhooks.Signing;

/// <summary>
/// Checks an inbound request's <c>X-Twilio-Signature</c> (for the REST API and for apps written against
/// the engine). Like Twilio's own validators it accepts the URL with or without the scheme's default port,
/// because proxies add or drop it; the comparison takes constant time.
/// </summary>
internal static class TwilioSignatureValidator
{
    private static readonly SearchValues<char> PathStart = SearchValues.Create("/?#");

    /// <summary>True when <paramref name="signature"/> matches the URL and POST parameters under the token.</summary>
    public static bool IsValid(
        string authToken,
        string url,
        IEnumerable<KeyValuePair<string, string>>? postParameters,
        string? signature)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var parameters = postParameters?.ToList();
        var expected = Encoding.ASCII.GetBytes(signature);
        foreach (var candidate in UrlVariants(url))
        {
            var actual = Encoding.ASCII.GetBytes(TwilioSignature.Compute(authToken, candidate, parameters));
            if (CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port < 0)
        {
            yield break;
        }

        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var pathStart = rest.AsSpan().IndexOfAny(PathStart);
        var tail = pathStart < 0 ? string.Empty : rest[pathStart..];
        var userInfo = uri.UserInfo.Length > 0 ? uri.UserInfo + "@" : string.Empty;
        foreach (var authority in new[] { $"{uri.Host}:{uri.Port}", uri.Host })
        {
            var variant = $"{uri.Scheme}://{userInfo}{authority}{tail}";
            if (!string.Equals(variant, url, StringComparison.Ordinal))
            {
                yield return variant;
            }
        }
    }
}
