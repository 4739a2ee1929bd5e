using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using RcmlEngine.Execution;

namespace RcmlEngine.Hosting;

/// <summary>
/// Maps the Request-URI user of an incoming call to its application: first an exact <c>User</c> match
/// (case-sensitive, RFC 3261 19.1.4), then the first <c>NumberPattern</c> matching the whole user, in
/// configuration order. No match: <see cref="Route"/> returns null and the call is refused (SIP 404).
/// Built once from validated options; thread-safe.
/// </summary>
internal sealed class ApplicationRouter
{
    private readonly Dictionary<string, ApplicationRoute> _byUser = new(StringComparer.Ordinal);
    private readonly List<(Regex Pattern, ApplicationRoute Route)> _byPattern = [];

    /// <summary>Builds the routes of <paramref name="options"/> (validated by <see cref="EngineOptionsValidator"/>).</summary>
    public ApplicationRouter(IOptions<EngineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var engine = options.Value;
        var accounts = engine.Accounts.ToDictionary(a => a.AccountSid, ToAccount, StringComparer.Ordinal);
        var single = engine.Accounts.Count == 1 ? ToAccount(engine.Accounts[0]) : new CallAccount { AccountSid = EngineOptions.DefaultAccountSid };
        foreach (var app in engine.Applications)
        {
            var account = app.AccountSid is { } sid ? accounts[sid] : single;
            var route = new ApplicationRoute(app.Name ?? app.User ?? app.NumberPattern!, ToApplication(app), account);
            if (!string.IsNullOrEmpty(app.User))
            {
                _byUser.TryAdd(app.User, route);
            }
            else
            {
                _byPattern.Add((ConfigValues.NumberPattern(app.NumberPattern!), route));
            }
        }
    }

    /// <summary>What callers dial to reach the configured applications: the exact users, then the patterns.</summary>
    public IReadOnlyList<string> Targets => [.. _byUser.Keys, .. _byPattern.Select(p => p.Pattern.ToString())];

    /// <summary>True when at least one application is configured.</summary>
    public bool HasApplications => _byUser.Count > 0 || _byPattern.Count > 0;

    /// <summary>The application for <paramref name="requestUriUser"/>, or null when none takes it.</summary>
    public ApplicationRoute? Route(string requestUriUser)
    {
        ArgumentNullException.ThrowIfNull(requestUriUser);
        if (_byUser.TryGetValue(requestUriUser, out var exact))
        {
            return exact;
        }

        foreach (var (pattern, route) in _byPattern)
        {
            try
            {
                if (pattern.IsMatch(requestUriUser))
                {
                    return route;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological user part against a costly pattern: treat as no match.
            }
        }

        return null;
    }

    private static CallAccount ToAccount(AccountOptions account) => new()
    {
        AccountSid = account.AccountSid,
        AuthToken = account.AuthToken,
        DebuggerWebhook = account.DebuggerWebhook,
    };

    private static CallApplication ToApplication(ApplicationOptions app)
    {
        return new CallApplication
        {
            VoiceUrl = app.VoiceUrl!,
            VoiceMethod = ConfigValues.Method(app.VoiceMethod),
            VoiceFallbackUrl = app.VoiceFallbackUrl,
            VoiceFallbackMethod = ConfigValues.Method(app.VoiceFallbackMethod),
            StatusCallback = app.StatusCallback,
            StatusCallbackMethod = ConfigValues.Method(app.StatusCallbackMethod),
            StatusCallbackEvent = ConfigValues.Events(app.StatusCallbackEvent),
        };
    }
}
