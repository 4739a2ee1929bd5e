using System.Globalization;
using System.Security.Cryptography;
using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Auth;

/// <summary>
/// Answers a 401 or 407 (RFC 3261 22.2-22.3): picks the strongest supported challenge, computes the
/// digest with the Request-URI exactly as sent as the digest uri, and adds Authorization or
/// Proxy-Authorization to the retried request. Counts nc per nonce, as qop=auth requires.
/// </summary>
internal sealed class DigestClient
{
    private readonly Dictionary<string, int> _nonceCounts = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds the answer to <paramref name="retry"/> for every challenge in <paramref name="challenge"/>
    /// whose realm the credentials fit. False when no challenge can be answered.
    /// </summary>
    public bool TryAuthorize(SipResponse challenge, SipRequest retry, SipCredentials credentials)
    {
        var (challengeHeader, answerHeader) = challenge.StatusCode == 407
            ? (SipHeaderNames.ProxyAuthenticate, SipHeaderNames.ProxyAuthorization)
            : (SipHeaderNames.WwwAuthenticate, SipHeaderNames.Authorization);
        var best = challenge.Headers.All
            .Where(h => h.Name == challengeHeader)
            .Select(h => DigestChallenge.TryParse(h.Value, out var c) ? c : null)
            .OfType<DigestChallenge>()
            .Where(c => DigestCalculator.IsSupported(c.Algorithm))
            .Where(c => credentials.Realm is null || string.Equals(c.Realm, credentials.Realm, StringComparison.Ordinal))
            .OrderByDescending(c => c.Algorithm.StartsWith("SHA-256", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault();
        if (best is null)
        {
            return false;
        }

        retry.Headers.Remove(answerHeader);
        retry.Headers.Add(answerHeader, Answer(best, credentials, retry.Method, retry.Uri.ToString()).ToString());
        return true;
    }

    /// <summary>Computes the credentials for one challenge.</summary>
    public DigestCredentials Answer(DigestChallenge challenge, SipCredentials credentials, string method, string uri, string? cnonce = null)
    {
        string? qop = null;
        string? nc = null;
        if (challenge.Qop?.Contains("auth", StringComparer.OrdinalIgnoreCase) == true)
        {
            qop = "auth";
            int count;
            lock (_nonceCounts)
            {
                count = _nonceCounts[challenge.Nonce] = _nonceCounts.GetValueOrDefault(challenge.Nonce) + 1;
            }

            nc = count.ToString("x8", CultureInfo.InvariantCulture);
        }

        if (qop is not null || challenge.Algorithm.EndsWith("-sess", StringComparison.OrdinalIgnoreCase))
        {
            cnonce ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        }

        var response = DigestCalculator.Response(challenge.Algorithm, credentials.Username, challenge.Realm, credentials.Password,
            challenge.Nonce, method, uri, qop, nc, cnonce);
        return new DigestCredentials(credentials.Username, challenge.Realm, challenge.Nonce, uri, response, challenge.Algorithm,
            cnonce, challenge.Opaque, qop, nc);
    }
}
