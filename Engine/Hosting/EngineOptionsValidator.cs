using System.Net;
using Microsoft.Extensions.Options;
using RcmlEngine.Calls;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Hosting;

/// <summary>Rejects a configuration that cannot work, at start, naming each setting at fault.</summary>
internal sealed class EngineOptionsValidator : IValidateOptions<EngineOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Check(errors, IPAddress.TryParse(options.Sip.ListenAddress, out _), $"Sip:ListenAddress '{options.Sip.ListenAddress}' is not an IP address");
        Port(errors, "Sip:UdpPort", options.Sip.UdpPort);
        Port(errors, "Sip:TcpPort", options.Sip.TcpPort);
        ValidateSipSources(errors, options);
        Check(errors, IPAddress.TryParse(options.Http.ListenAddress, out _), $"Http:ListenAddress '{options.Http.ListenAddress}' is not an IP address");
        Port(errors, "Http:Port", options.Http.Port);
        Check(errors, options.Http.PublicBaseUrl is null || ConfigValues.IsHttpUrl(options.Http.PublicBaseUrl), "Http:PublicBaseUrl must be an absolute http(s) URL");
        Check(errors, options.Rtp.PortMin is >= 1024 and <= 65534 && options.Rtp.PortMin % 2 == 0, "Rtp:PortMin must be an even port from 1024 to 65534");
        Check(errors, options.Rtp.PortMax > options.Rtp.PortMin && options.Rtp.PortMax <= 65535, "Rtp:PortMax must be above Rtp:PortMin and at most 65535");
        Check(errors, options.PublicAddress is null || IPAddress.TryParse(options.PublicAddress, out _) || Uri.CheckHostName(options.PublicAddress) == UriHostNameType.Dns,
            $"PublicAddress '{options.PublicAddress}' is neither an IP address nor a host name");
        Check(errors, options.Limits.MaxDocumentsPerCall > 0, "Limits:MaxDocumentsPerCall must be positive");
        Check(errors, options.Limits.MaxVerbsPerCall > 0, "Limits:MaxVerbsPerCall must be positive");
        Check(errors, options.Limits.MaxCallDuration > TimeSpan.Zero, "Limits:MaxCallDuration must be positive");
        Check(errors, options.Limits.ReferNotifyTimeout > TimeSpan.Zero, "Limits:ReferNotifyTimeout must be positive");
        Check(errors, options.Limits.MaxConcurrentCalls is null or >= 0, "Limits:MaxConcurrentCalls must not be negative (0: no limit)");
        Check(errors, options.Limits.MaxCallsPerSecond >= 0, "Limits:MaxCallsPerSecond must not be negative (0: no limit)");
        Check(errors, options.Limits.MaxSchedulingDelay >= TimeSpan.Zero, "Limits:MaxSchedulingDelay must not be negative (0: no guard)");
        Check(errors, options.Limits.DrainTimeout >= TimeSpan.Zero && options.Limits.DrainTimeout <= TimeSpan.FromMinutes(30),
            "Limits:DrainTimeout must be from 00:00:00 to 00:30:00");
        Check(errors, !string.IsNullOrWhiteSpace(options.Recordings.Folder), "Recordings:Folder must name a folder");
        Check(errors, !string.IsNullOrWhiteSpace(options.ErrorPrompt.Text), "ErrorPrompt:Text must not be empty");
        Check(errors, options.Samples.Folder is null || Directory.Exists(options.Samples.Folder), $"Samples:Folder '{options.Samples.Folder}' is not a folder");
        ValidateAccounts(errors, options.Accounts);
        ValidateTrunks(errors, options.Trunks);
        ValidateClients(errors, options.Clients);
        var accounts = options.Accounts.Select(a => a.AccountSid).ToHashSet(StringComparer.Ordinal);
        var users = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Applications.Count; i++)
        {
            ValidateApplication(errors, $"Applications:{i}", options.Applications[i], accounts, users);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateSipSources(List<string> errors, EngineOptions options)
    {
        var sip = options.Sip;
        Ranges(errors, "Sip:AllowedSources", sip.AllowedSources);
        Ranges(errors, "Sip:TrustedSources", sip.TrustedSources);
        Check(errors, !sip.InboundAuthentication || options.Clients.Count > 0,
            "Sip:InboundAuthentication needs at least one of Clients (their names and passwords are the credentials callers answer with)");
        Check(errors, sip.MaxInvitesPerSourcePerSecond >= 0, "Sip:MaxInvitesPerSourcePerSecond must not be negative (0: unlimited)");
        Check(errors, sip.MaxTcpConnections > 0, "Sip:MaxTcpConnections must be positive");
        Check(errors, sip.TcpOutboundReserve >= 0 && sip.TcpOutboundReserve < sip.MaxTcpConnections,
            "Sip:TcpOutboundReserve must be from 0 to less than Sip:MaxTcpConnections");
        Check(errors, sip.MaxTcpConnectionsPerSource > 0, "Sip:MaxTcpConnectionsPerSource must be positive");
        Check(errors, sip.TcpFirstMessageTimeout > TimeSpan.Zero, "Sip:TcpFirstMessageTimeout must be positive");
        Check(errors, sip.MaxAuthFailuresPerSourcePerMinute >= 0, "Sip:MaxAuthFailuresPerSourcePerMinute must not be negative (0: no limit)");
        Check(errors, sip.LogLinesPerSourcePerMinute >= 0, "Sip:LogLinesPerSourcePerMinute must not be negative (0: no limit)");
    }

    private static void Ranges(List<string> errors, string setting, List<string> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            Check(errors, AddressRanges.TryParse(entries[i], out _), $"{setting}:{i} '{entries[i]}' is not an IP address or CIDR range");
        }
    }

    private static void ValidateAccounts(List<string> errors, List<AccountOptions> accounts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            Check(errors, TwilioSid.IsValid(account.AccountSid, TwilioSid.AccountPrefix),
                $"Accounts:{i}:AccountSid '{account.AccountSid}' must be AC followed by 32 lowercase hex digits");
            Check(errors, seen.Add(account.AccountSid), $"Accounts:{i}:AccountSid '{account.AccountSid}' appears twice");
            Check(errors, account.AuthToken is null || account.AuthToken.Length > 0, $"Accounts:{i}:AuthToken must not be empty (leave it out for unsigned webhooks)");
            Check(errors, account.DebuggerWebhook is null || ConfigValues.IsHttpUrl(account.DebuggerWebhook), $"Accounts:{i}:DebuggerWebhook must be an absolute http(s) URL");
        }
    }

    private static void ValidateTrunks(List<string> errors, List<TrunkOptions> trunks)
    {
        for (var i = 0; i < trunks.Count; i++)
        {
            var trunk = trunks[i];
            Check(errors, !string.IsNullOrWhiteSpace(trunk.Host) && Uri.CheckHostName(trunk.Host.Trim('[', ']')) != UriHostNameType.Unknown,
                $"Trunks:{i}:Host '{trunk.Host}' must be a host name or an IP address");
            Check(errors, trunk.Port is null or (> 0 and <= 65535), $"Trunks:{i}:Port must be from 1 to 65535");
            var transport = trunk.Transport?.ToLowerInvariant();
            Check(errors, transport is "udp" or "tcp", transport == "tls"
                ? $"Trunks:{i}:Transport tls is not supported yet; use udp or tcp"
                : $"Trunks:{i}:Transport '{trunk.Transport}' must be udp or tcp");
            Check(errors, trunk.Strip >= 0, $"Trunks:{i}:Strip must not be negative");
            Check(errors, trunk.Password is null || trunk.Username is not null, $"Trunks:{i}:Password needs a Username");
        }
    }

    private static void ValidateClients(List<string> errors, List<ClientOptions> clients)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < clients.Count; i++)
        {
            var client = clients[i];
            Check(errors, !string.IsNullOrWhiteSpace(client.Name) && client.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '+'),
                $"Clients:{i}:Name '{client.Name}' must be letters, digits, - _ . or +");
            Check(errors, names.Add(client.Name), $"Clients:{i}:Name '{client.Name}' appears twice");
            Check(errors, !string.IsNullOrEmpty(client.Password), $"Clients:{i}:Password must not be empty");
        }
    }

    private static void ValidateApplication(List<string> errors, string at, ApplicationOptions app, HashSet<string> accounts, HashSet<string> users)
    {
        var hasUser = !string.IsNullOrEmpty(app.User);
        var hasPattern = !string.IsNullOrEmpty(app.NumberPattern);
        Check(errors, hasUser ^ hasPattern, $"{at}: give either User or NumberPattern (exactly one)");
        Check(errors, !hasUser || users.Add(app.User!), $"{at}:User '{app.User}' is routed twice");
        if (hasPattern)
        {
            try
            {
                _ = ConfigValues.NumberPattern(app.NumberPattern!);
            }
            catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
            {
                errors.Add($"{at}:NumberPattern is not a valid regular expression: {exception.Message}");
            }
        }

        Check(errors, ConfigValues.IsHttpUrl(app.VoiceUrl), $"{at}:VoiceUrl must be an absolute http(s) URL");
        Check(errors, app.VoiceFallbackUrl is null || ConfigValues.IsHttpUrl(app.VoiceFallbackUrl), $"{at}:VoiceFallbackUrl must be an absolute http(s) URL");
        Check(errors, app.StatusCallback is null || ConfigValues.IsHttpUrl(app.StatusCallback), $"{at}:StatusCallback must be an absolute http(s) URL");
        Check(errors, ConfigValues.TryParseMethod(app.VoiceMethod, out _), $"{at}:VoiceMethod must be GET or POST");
        Check(errors, ConfigValues.TryParseMethod(app.VoiceFallbackMethod, out _), $"{at}:VoiceFallbackMethod must be GET or POST");
        Check(errors, ConfigValues.TryParseMethod(app.StatusCallbackMethod, out _), $"{at}:StatusCallbackMethod must be GET or POST");
        Check(errors, ConfigValues.TryParseEvents(app.StatusCallbackEvent, out _, out var unknown),
            $"{at}:StatusCallbackEvent: '{unknown}' is not one of initiated, ringing, answered, completed");
        if (app.AccountSid is { } sid)
        {
            Check(errors, accounts.Contains(sid), $"{at}:AccountSid '{sid}' is not in Accounts");
        }
        else
        {
            Check(errors, accounts.Count <= 1, $"{at}:AccountSid is needed when several accounts are configured");
        }
    }

    private static void Port(List<string> errors, string setting, int port) =>
        Check(errors, port is >= 0 and <= 65535, $"{setting} must be from 0 (any free port) to 65535");

    private static void Check(List<string> errors, bool ok, string error)
    {
        if (!ok)
        {
            errors.Add(error);
        }
    }
}
