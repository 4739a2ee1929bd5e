using System.Text;

namespace RcmlEngine.Sip.Auth;

/// <summary>The Digest answer in Authorization or Proxy-Authorization (RFC 2617 3.2.2, RFC 7616 3.4).</summary>
internal sealed record DigestCredentials(
    string Username, string Realm, string Nonce, string Uri, string Response, string Algorithm = "MD5",
    string? Cnonce = null, string? Opaque = null, string? Qop = null, string? NonceCount = null)
{
    /// <summary>Parses the header; false for another scheme (RFC 4475 3.3.7: act as if it were absent).</summary>
    public static bool TryParse(string header, out DigestCredentials credentials)
    {
        credentials = null!;
        if (!DigestParameters.TryParse(header, out var p) || !p.TryGetValue("username", out var user) || !p.TryGetValue("realm", out var realm) ||
            !p.TryGetValue("nonce", out var nonce) || !p.TryGetValue("uri", out var uri) || !p.TryGetValue("response", out var response))
        {
            return false;
        }

        credentials = new DigestCredentials(user, realm, nonce, uri, response, p.GetValueOrDefault("algorithm") ?? "MD5",
            p.GetValueOrDefault("cnonce"), p.GetValueOrDefault("opaque"), p.GetValueOrDefault("qop"), p.GetValueOrDefault("nc"));
        return true;
    }

    public override string ToString()
    {
        var builder = new StringBuilder("Digest username=").Append(DigestParameters.Quote(Username))
            .Append(", realm=").Append(DigestParameters.Quote(Realm))
            .Append(", nonce=").Append(DigestParameters.Quote(Nonce))
            .Append(", uri=").Append(DigestParameters.Quote(Uri))
            .Append(", response=").Append(DigestParameters.Quote(Response))
            .Append(", algorithm=").Append(Algorithm);
        if (Qop is not null)
        {
            // RFC 2617 3.2.2: qop and nc are unquoted tokens; cnonce is quoted.
            builder.Append(", qop=").Append(Qop).Append(", nc=").Append(NonceCount).Append(", cnonce=").Append(DigestParameters.Quote(Cnonce ?? string.Empty));
        }

        if (Opaque is not null)
        {
            builder.Append(", opaque=").Append(DigestParameters.Quote(Opaque));
        }

        return builder.ToString();
    }
}
