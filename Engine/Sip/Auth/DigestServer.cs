using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Auth;

/// <summary>
/// Challenges inbound requests (RFC 3261 22.1, 26.3.2.3) and checks the answers. A nonce is a timestamp
/// signed with a per-process key together with the address it was given to: valid for
/// <see cref="NonceLifetime"/>, and only from that address. The nonce count of each nonce is tracked
/// (RFC 7616 3.4: an answer whose nc is not above the last one accepted is a replay); an answer without
/// qop may use its nonce once. An old, replayed or moved but otherwise genuine answer gets a new
/// challenge with <c>stale=true</c>.
/// </summary>
internal sealed class DigestServer
{
    /// <summary>Nonces whose count is tracked before expired ones are swept.</summary>
    private const int TrackedNonces = 10_000;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, long> _lastCount = new(StringComparer.Ordinal);
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
    public SipResponse Challenge(SipRequest request, string toTag, bool stale = false) => Challenge(request, toTag, null, stale);

    /// <summary>A challenge whose nonce is good only from <paramref name="source"/> (null: from anywhere).</summary>
    public SipResponse Challenge(SipRequest request, string toTag, IPAddress? source, bool stale = false)
    {
        var response = SipResponse.For(request, Proxy ? 407 : 401, toTag: toTag);
        var nonce = NewNonce(source);
        foreach (var algorithm in Algorithms)
        {
            response.Headers.Add(Proxy ? SipHeaderNames.ProxyAuthenticate : SipHeaderNames.WwwAuthenticate, new DigestChallenge(Realm, nonce, algorithm, null, ["auth"], stale).ToString());
        }

        return response;
    }

    public Verdict Check(SipRequest request) => Check(request, null, out _);

    /// <summary>Checks the request's Authorization; <paramref name="username"/> is who it authenticates when authorized.</summary>
    public Verdict Check(SipRequest request, out string? username) => Check(request, null, out username);

    /// <summary>
    /// Checks the request's Authorization as sent from <paramref name="source"/> (the address its nonce must
    /// have been given to; null for nonces given to anyone); <paramref name="username"/> is who it
    /// authenticates when authorized.
    /// </summary>
    public Verdict Check(SipRequest request, IPAddress? source, out string? username)
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

            switch (NonceAge(answer.Nonce, source))
            {
                case null:
                    // Not ours, or given to another address: right password, wrong nonce; a fresh challenge.
                    verdict = Verdict.Stale;
                    continue;
                case var age when age > NonceLifetime:
                    verdict = Verdict.Stale;
                    continue;
                case var _ when !Advance(answer):
                    verdict = Verdict.Stale;
                    continue;
                default:
                    username = answer.Username;
                    return Verdict.Authorized;
            }
        }

        return verdict;
    }

    private string NewNonce(IPAddress? source)
    {
        // The random part makes every challenge's nonce new, so counting nc per nonce never mixes two clients
        // (or two challenges of one client) given nonces in the same second.
        var stamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "-" +
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return stamp + "." + Signature(stamp, source);
    }

    private string Signature(string stamp, IPAddress? source)
    {
        var signed = source is null ? stamp : stamp + "|" + AddressOf(source);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed)))[..32];
    }

    private static string AddressOf(IPAddress source) => (source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source).ToString();

    /// <summary>
    /// RFC 7616 3.4: records the answer's nonce count, false when it is not above the last one accepted for
    /// its nonce (a replay). Without qop there is no count: the nonce may be used once.
    /// </summary>
    private bool Advance(DigestCredentials answer)
    {
        long count = 1;
        if (answer.Qop is not null &&
            (answer.NonceCount is null || !long.TryParse(answer.NonceCount, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out count)))
        {
            return false;
        }

        if (_lastCount.Count >= TrackedNonces)
        {
            SweepExpired();
        }

        while (true)
        {
            if (_lastCount.TryGetValue(answer.Nonce, out var last))
            {
                if (count <= last)
                {
                    return false;
                }

                if (_lastCount.TryUpdate(answer.Nonce, count, last))
                {
                    return true;
                }
            }
            else if (_lastCount.TryAdd(answer.Nonce, count))
            {
                return true;
            }
        }
    }

    private void SweepExpired()
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        foreach (var nonce in _lastCount.Keys)
        {
            if (!TryReadSeconds(nonce, out var seconds) || now - seconds > NonceLifetime.TotalSeconds)
            {
                _lastCount.TryRemove(nonce, out _);
            }
        }
    }

    /// <summary>The issue time of a nonce (<c>SECONDS-RANDOM.SIGNATURE</c>), in Unix seconds.</summary>
    private static bool TryReadSeconds(string nonce, out long seconds)
    {
        var dash = nonce.IndexOf('-', StringComparison.Ordinal);
        seconds = 0;
        return dash > 0 && long.TryParse(nonce.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
    }

    /// <summary>How old a nonce we issued to <paramref name="source"/> is, or null when we did not issue it (to that address).</summary>
    private TimeSpan? NonceAge(string nonce, IPAddress? source)
    {
        var dot = nonce.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !TryReadSeconds(nonce, out var seconds))
        {
            return null;
        }

        var expected = Signature(nonce[..dot], source);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(nonce[(dot + 1)..])))
        {
            return null;
        }

        return _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
