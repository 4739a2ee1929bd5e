using System.Globalization;
using Microsoft.AspNetCore.Http;
using RcmlEngine.Calls.ClickToCall;

namespace RcmlEngine.Api.CallController;

/// <summary>
/// Reads a POST's parties and query (<c>agent</c>, <c>subject</c>, <c>isForwardingAllowed</c>, <c>timeout</c>,
/// <c>resultCacheTime</c>; names matched ignoring case as the PBX controllers do; others ignored) into a
/// request, or the first error naming its parameter.
/// </summary>
internal static class CallControllerQuery
{
    /// <summary>The longest party or agent, in characters (Twilio's SIP URI limit).</summary>
    public const int MaxPartyLength = 255;

    /// <summary>The longest Subject, in characters.</summary>
    public const int MaxSubjectLength = 255;

    /// <summary>The longest whole query string.</summary>
    public const int MaxQueryLength = 2048;

    public const int DefaultTimeoutSeconds = 30;
    public const int MaxTimeoutSeconds = 600;
    public const int DefaultResultCacheSeconds = 60;
    public const int MaxResultCacheSeconds = 3600;

    /// <summary>Reads the request; false with the error to answer.</summary>
    public static bool TryRead(HttpRequest http, string callingText, string calledText, CallControllerOptions options, string accountSid,
        out ClickToCallRequest request, out CallControllerError error)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        request = null!;
        if (http.QueryString.Value?.Length > MaxQueryLength)
        {
            error = Invalid(null, $"the query string is longer than {MaxQueryLength} characters");
            return false;
        }

        foreach (var (key, values) in http.Query)
        {
            if (values.Count > 1)
            {
                error = Invalid(key, $"'{key}' is given {values.Count} times; give it once");
                return false;
            }
        }

        if (!TryParty("callingParty", callingText, options, out var calling, out error) ||
            !TryParty("calledParty", calledText, options, out var called, out error))
        {
            return false;
        }

        var agentText = Value(http, "agent");
        ClickToCallParty agent = calling;
        if (agentText is not null && !TryParty("agent", agentText, options, out agent, out error))
        {
            return false;
        }

        var subject = Value(http, "subject");
        if (subject is not null && (subject.Length > MaxSubjectLength || subject.Any(char.IsControl)))
        {
            error = Invalid("subject", subject.Length > MaxSubjectLength
                ? $"subject has {subject.Length} characters; the limit is {MaxSubjectLength}"
                : "subject must not contain control characters (line breaks, tabs)");
            return false;
        }

        if (!TryBool(http, "isForwardingAllowed", true, out var forwarding, out error) ||
            !TrySeconds(http, "timeout", DefaultTimeoutSeconds, MaxTimeoutSeconds, out var timeout, out error) ||
            !TrySeconds(http, "resultCacheTime", DefaultResultCacheSeconds, MaxResultCacheSeconds, out var cache, out error))
        {
            return false;
        }

        request = new ClickToCallRequest
        {
            AccountSid = accountSid,
            CallingText = callingText.Trim(),
            CalledText = calledText.Trim(),
            Calling = calling,
            Called = called,
            Agent = agent.Target,
            Subject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim(),
            ForwardingAllowed = forwarding,
            Timeout = TimeSpan.FromSeconds(timeout),
            ResultCacheTime = TimeSpan.FromSeconds(cache),
        };
        return true;
    }

    /// <summary>A 400 naming <paramref name="parameter"/>.</summary>
    public static CallControllerError Invalid(string? parameter, string message) =>
        new(StatusCodes.Status400BadRequest, "invalid-parameter", parameter, message);

    private static bool TryParty(string name, string text, CallControllerOptions options, out ClickToCallParty party, out CallControllerError error)
    {
        party = null!;
        error = null!;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length > MaxPartyLength || value.Any(char.IsControl))
        {
            error = Invalid(name, value.Length > MaxPartyLength
                ? $"{name} has {value.Length} characters; the limit is {MaxPartyLength}"
                : $"{name} must not contain control characters");
            return false;
        }

        foreach (var (alias, target) in options.Aliases)
        {
            if (string.Equals(alias, value, StringComparison.OrdinalIgnoreCase))
            {
                value = target;
                break;
            }
        }

        if (!ClickToCallParty.TryParse(value, out party, out var problem))
        {
            error = Invalid(name, $"{name} {problem}");
            return false;
        }

        return true;
    }

    private static string? Value(HttpRequest http, string name)
    {
        foreach (var (key, values) in http.Query)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return values.ToString();
            }
        }

        return null;
    }

    private static bool TryBool(HttpRequest http, string name, bool fallback, out bool value, out CallControllerError error)
    {
        error = null!;
        value = fallback;
        var text = Value(http, name)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        if (text is "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }

        error = Invalid(name, $"{name} must be true or false, not '{Shorten(text)}'");
        return false;
    }

    private static bool TrySeconds(HttpRequest http, string name, int fallback, int max, out int value, out CallControllerError error)
    {
        error = null!;
        value = fallback;
        var text = Value(http, name)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < 1 || value > max)
        {
            error = Invalid(name, $"{name} must be a whole number of seconds from 1 to {max}, not '{Shorten(text)}'");
            return false;
        }

        return true;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
