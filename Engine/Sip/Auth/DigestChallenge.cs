using System.Text;

namespace RcmlEngine.Sip.Auth;

/// <summary>A Digest challenge from WWW-Authenticate or Proxy-Authenticate (RFC 2617 3.2.1, RFC 7616 3.3).</summary>
internal sealed record DigestChallenge(string Realm, string Nonce, string Algorithm = "MD5", string? Opaque = null, IReadOnlyList<string>? Qop = null, bool Stale = false)
{
    public static bool TryParse(string header, out DigestChallenge challenge)
    {
        challenge = null!;
        if (!DigestParameters.TryParse(header, out var p) || !p.TryGetValue("realm", out var realm) || !p.TryGetValue("nonce", out var nonce))
        {
            return false;
        }

        var qop = p.TryGetValue("qop", out var q) ? q.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
        challenge = new DigestChallenge(realm, nonce, p.GetValueOrDefault("algorithm") ?? "MD5", p.GetValueOrDefault("opaque"), qop,
            string.Equals(p.GetValueOrDefault("stale"), "true", StringComparison.OrdinalIgnoreCase));
        return true;
    }

    public override string ToString()
    {
        var builder = new StringBuilder("Digest realm=").Append(DigestParameters.Quote(Realm))
            .Append(", nonce=").Append(DigestParameters.Quote(Nonce))
            .Append(", algorithm=").Append(Algorithm);
        if (Opaque is not null)
        {
            builder.Append(", opaque=").Append(DigestParameters.Quote(Opaque));
        }

        if (Qop is { Count: > 0 })
        {
            builder.Append(", qop=").Append(DigestParameters.Quote(string.Join(',', Qop)));
        }

        if (Stale)
        {
            builder.Append(", stale=true");
        }

        return builder.ToString();
    }
}
