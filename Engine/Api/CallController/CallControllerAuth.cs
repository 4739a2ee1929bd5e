using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace RcmlEngine.Api.CallController;

/// <summary>
/// Who may use the call controller: HTTP Basic with an account's AccountSid and AuthToken (the REST API's
/// own check, <see cref="ApiAccounts"/>), or HTTP Digest (RFC 7616: MD5 or SHA-256, <c>qop=auth</c>) with the
/// same pair; from loopback without credentials only when <see cref="CallControllerOptions.AllowLoopbackWithoutAuth"/>.
/// </summary>
internal sealed class CallControllerAuth
{
    private static readonly string[] Algorithms = ["SHA-256", "MD5"];
    private readonly ApiAccounts _accounts;
    private readonly CallControllerOptions _options;
    private readonly DigestNonces _nonces;
    private readonly string _opaque = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Checks against <paramref name="accounts"/> with the controller's realm and nonce lifetime.</summary>
    public CallControllerAuth(ApiAccounts accounts, IOptions<CallControllerOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _accounts = accounts;
        _options = options.Value;
        _nonces = new DigestNonces(time, TimeSpan.FromSeconds(Math.Max(1, _options.NonceLifetimeSeconds)));
    }

    /// <summary>The account <paramref name="context"/>'s request proves, or null; <paramref name="stale"/> when a Digest nonce was only too old.</summary>
    public ApiAccount? Authenticate(HttpContext context, out bool stale)
    {
        ArgumentNullException.ThrowIfNull(context);
        stale = false;
        var header = context.Request.Headers.Authorization.ToString();
        var remote = context.Connection.RemoteIpAddress;
        if (string.IsNullOrEmpty(header))
        {
            return _options.AllowLoopbackWithoutAuth && remote is not null && IPAddress.IsLoopback(remote) ? _accounts.First : null;
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return _accounts.Authenticate(header, remote);
        }

        return DigestAuthorization.TryParse(header, out var digest) ? CheckDigest(context, digest, out stale) : null;
    }

    /// <summary>Writes the 401's challenges: Digest with SHA-256, Digest with MD5 (both <c>qop="auth"</c>), then Basic.</summary>
    public void Challenge(HttpResponse response, bool stale)
    {
        ArgumentNullException.ThrowIfNull(response);
        var realm = Quote(_options.DigestRealm);
        var nonce = _nonces.Issue();
        var challenges = Algorithms
            .Select(a => $"Digest realm={realm}, qop=\"auth\", algorithm={a}, nonce=\"{nonce}\", opaque=\"{_opaque}\"{(stale ? ", stale=true" : string.Empty)}")
            .Append($"Basic realm={realm}, charset=\"UTF-8\"");
        response.Headers.WWWAuthenticate = new([.. challenges]);
    }

    private ApiAccount? CheckDigest(HttpContext context, DigestAuthorization digest, out bool stale)
    {
        stale = false;
        var algorithm = digest["algorithm"] ?? "MD5";
        if (digest["username"] is not { } user || digest["nonce"] is not { } nonce || digest["uri"] is not { } uri ||
            digest["response"] is not { } given || digest["cnonce"] is not { } cnonce || digest["nc"] is not { } nc ||
            !string.Equals(digest["qop"], "auth", StringComparison.OrdinalIgnoreCase) ||
            !string.Equals(digest["realm"], _options.DigestRealm, StringComparison.Ordinal) ||
            !Algorithms.Contains(algorithm, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        // RFC 7616 3.4.6: the uri must be the request's own target.
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        if (!string.Equals(uri, target, StringComparison.Ordinal) || _accounts.FindWithToken(user) is not { } account)
        {
            return null;
        }

        var hash = algorithm.Equals("MD5", StringComparison.OrdinalIgnoreCase) ? (Func<string, string>)Md5 : Sha256;
        var ha1 = hash($"{user}:{_options.DigestRealm}:{account.Account.AuthToken}");
        var ha2 = hash($"{context.Request.Method}:{uri}");
        var expected = hash($"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given.ToLowerInvariant())))
        {
            return null;
        }

        // Checked last, so a wrong password never uses up a nonce count.
        var check = _nonces.Check(nonce, nc);
        stale = check == DigestNonceCheck.Stale;
        return check == DigestNonceCheck.Valid ? account : null;
    }

#pragma warning disable CA5351 // RFC 7616 keeps MD5 for clients that know no other algorithm; SHA-256 is offered first.
    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
