using System.Security.Cryptography;
using System.Text;

namespace RcmlEngine.Sip.Auth;

/// <summary>
/// The Digest response computation (RFC 2617 3.2.2.1-3, RFC 7616 3.4.1-3): MD5, MD5-sess,
/// SHA-256 and SHA-256-sess, with or without qop=auth.
/// </summary>
internal static class DigestCalculator
{
    public static bool IsSupported(string algorithm) => algorithm.ToUpperInvariant() is "MD5" or "MD5-SESS" or "SHA-256" or "SHA-256-SESS";

    /// <summary>The request-digest a client sends, or a server expects.</summary>
    public static string Response(string algorithm, string username, string realm, string password, string nonce,
        string method, string uri, string? qop = null, string? nonceCount = null, string? cnonce = null)
    {
        var upper = algorithm.ToUpperInvariant();
        var ha1 = Hash(upper, $"{username}:{realm}:{password}");
        if (upper.EndsWith("-SESS", StringComparison.Ordinal))
        {
            // RFC 2617 3.2.2.2 / RFC 7616 3.4.2: the session variant mixes the nonces into A1.
            ha1 = Hash(upper, $"{ha1}:{nonce}:{cnonce}");
        }

        var ha2 = Hash(upper, $"{method}:{uri}");
        return qop is null
            ? Hash(upper, $"{ha1}:{nonce}:{ha2}")
            : Hash(upper, $"{ha1}:{nonce}:{nonceCount}:{cnonce}:{qop}:{ha2}");
    }

    private static string Hash(string algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
#pragma warning disable CA5351 // MD5 is what RFC 2617 digest requires; the peer chooses the algorithm.
        var digest = algorithm.StartsWith("SHA-256", StringComparison.Ordinal) ? SHA256.HashData(bytes) : MD5.HashData(bytes);
#pragma warning restore CA5351
        return Convert.ToHexStringLower(digest);
    }
}
