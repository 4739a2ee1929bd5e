using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RcmlEngine.Execution;
using RcmlEngine.Hosting;

namespace RcmlEngine.Api;

/// <summary>
/// Who may use the REST API: HTTP Basic with a configured account's AccountSid and AuthToken, the token
/// compared in constant time. With no account configured, the default account (<c>AC000...0</c>) answers
/// requests from loopback only, whatever their password; an account configured without an AuthToken
/// likewise.
/// </summary>
internal sealed class ApiAccounts
{
    private readonly Dictionary<string, ApiAccount> _accounts = new(StringComparer.Ordinal);

    /// <summary>Reads the accounts of the engine's options.</summary>
    public ApiAccounts(IOptions<EngineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var configured in options.Value.Accounts)
        {
            var account = new CallAccount
            {
                AccountSid = configured.AccountSid,
                AuthToken = configured.AuthToken,
                DebuggerWebhook = configured.DebuggerWebhook,
            };
            _accounts[configured.AccountSid] = new ApiAccount(account, string.IsNullOrEmpty(configured.AuthToken));
        }

        IsOpenOnLoopback = _accounts.Count == 0;
        if (IsOpenOnLoopback)
        {
            _accounts[EngineOptions.DefaultAccountSid] = new ApiAccount(new CallAccount { AccountSid = EngineOptions.DefaultAccountSid }, LoopbackOnly: true);
        }
    }

    /// <summary>True when no account is configured: the default account serves loopback clients only.</summary>
    public bool IsOpenOnLoopback { get; }

    /// <summary>
    /// The account an <c>Authorization</c> header value proves, for a client at <paramref name="remote"/>;
    /// null when it proves none. Without credentials, the default account from loopback when no account is configured.
    /// </summary>
    public ApiAccount? Authenticate(string? authorization, IPAddress? remote)
    {
        var loopback = remote is not null && IPAddress.IsLoopback(remote);
        if (!TryReadBasic(authorization, out var user, out var password))
        {
            return IsOpenOnLoopback && loopback ? _accounts[EngineOptions.DefaultAccountSid] : null;
        }

        if (!_accounts.TryGetValue(user, out var account))
        {
            return null;
        }

        if (account.LoopbackOnly)
        {
            return loopback ? account : null;
        }

        var expected = Encoding.UTF8.GetBytes(account.Account.AuthToken!);
        var given = Encoding.UTF8.GetBytes(password);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? account : null;
    }

    /// <summary>
    /// The configured account <paramref name="sid"/> with its AuthToken (for HTTP Digest, which needs the
    /// secret itself); null for an unknown sid or an account without a token.
    /// </summary>
    public ApiAccount? FindWithToken(string sid) =>
        _accounts.TryGetValue(sid, out var account) && !account.LoopbackOnly ? account : null;

    /// <summary>The account requests without credentials act as where that is allowed: the first configured, else the default.</summary>
    public ApiAccount First => _accounts.Values.First();

    private static bool TryReadBasic(string? header, out string user, out string password)
    {
        user = password = string.Empty;
        const string Scheme = "Basic ";
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[Scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        (user, password) = (decoded[..colon], decoded[(colon + 1)..]);
        return true;
    }
}
