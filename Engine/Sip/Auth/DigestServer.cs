using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Auth;

/// <summary>
/// Challenges inbound requests (RFC 3261 22.1, 26.3.2.3) and checks the answers. Nonces are
/// stateless: a timestamp signed with a per-process key, valid for <see cref="NonceLifetime"/>;
/// an old but genuine nonce is answered with <c>stale=true</c>.
/// </summary>
internal sealed class DigestServer
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _time;
    private readonly Func<string, string?> _passwordFor;

    /// <param name="realm">The realm to announce.</param>
    /// <param name="passwordFor">The password of a username, or null for an unknown user.</param>
    /// <param name="time">The clock nonces are stamped with.</param>
    public DigestServer(string realm, Func<string, string?> passwordFor, TimeProvider time)
    {
        Realm = realm;
        _passwordFor = passwordFor;
        _time = time;
    }

    public string Realm { get; }

    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Challenge as a proxy would (RFC 3261 22.3): 407 with Proxy-Authenticate, answered in
    /// Proxy-Authorization; else as a user agent or registrar: 401, WWW-Authenticate, Authorization.
    /// </summary>
    public bool Proxy { get; init; }

    /// <summary>
    /// The algorithms offered in a challenge, one WWW-Authenticate each, preferred first
    /// (RFC 7616 3.7). Answers in any supported algorithm are checked whatever this holds.
    /// </summary>
    public IReadOnlyList<string> Algorithms { get; init; } = ["SHA-256", "MD5"];

    /// <summary>The outcome of checking a request's Authorization.</summary>
    public enum Verdict
    {
        Authorized,
        Missing,
        Stale,
        Rejected,
    }

    /// <summary>A 401 (407 for <see cref="Proxy"/>) with a fresh challenge for each of <see cref="Algorithms"/> (RFC 8760 / 7616 3.7 order: preferred first).</summary>
    public SipResponse Challenge(SipRequest request, string toTag, bool stale = false)
    {
        var response = SipResponse.For(request, Proxy ? 407 : 401, toTag: toTag);
        var nonce = NewNonce();
        foreach (var algorithm in Algorithms)
        {
            response.Headers.Add(Proxy ? SipHeaderNames.ProxyAuthenticate : SipHeaderNames.WwwAuthenticate, new DigestChallenge(Realm, nonce, algorithm, null, ["auth"], stale).ToString());
        }

        return response;
    }

    public Verdict Check(SipRequest request) => Check(request, out _);

    /// <summary>Checks the request's Authorization; <paramref name="username"/> is who it authenticates when authorized.</summary>
    public Verdict Check(SipRequest request, out string? username)
    {
        username = null;
        var header = Proxy ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization;
        var answers = request.Headers.All.Where(h => h.Name == header)
            .Select(h => DigestCredentials.TryParse(h.Value, out var c) ? c : null)
            .OfType<DigestCredentials>()
            .Where(c => c.Realm == Realm)
            .ToList();
        if (answers.Count == 0)
        {
            return Verdict.Missing;
        }

        var verdict = Verdict.Rejected;
        foreach (var answer in answers)
        {
            var password = _passwordFor(answer.Username);
            // RFC 3261 22.4: the digest uri must be the Request-URI.
            if (password is null || answer.Uri != request.Uri.ToString() || !DigestCalculator.IsSupported(answer.Algorithm))
            {
                continue;
            }

            var expected = DigestCalculator.Response(answer.Algorithm, answer.Username, Realm, password, answer.Nonce, request.Method,
                answer.Uri, answer.Qop, answer.NonceCount, answer.Cnonce);
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(answer.Response.ToLowerInvariant())))
            {
                continue;
            }

            switch (NonceAge(answer.Nonce))
            {
                case null:
                    continue;
                case var age when age > NonceLifetime:
                    verdict = Verdict.Stale;
                    continue;
                default:
                    username = answer.Username;
                    return Verdict.Authorized;
            }
        }

        return verdict;
    }

    private string NewNonce()
    {
        var stamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return stamp + "." + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(stamp)))[..32];
    }

    /// <summary>How old a nonce we issued is, or null when we did not issue it.</summary>
    private TimeSpan? NonceAge(string nonce)
    {
        var dot = nonce.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(nonce.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(nonce[..dot])))[..32];
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(nonce[(dot + 1)..])))
        {
            return null;
        }

        return _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
