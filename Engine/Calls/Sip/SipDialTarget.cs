using System.Globalization;
using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Calls.Sip;

/// <summary>
/// Reads a Dial target: a SIP URI whose headers (RFC 3261 19.1.1, <c>?X-Customer=42&amp;User-to-User=...</c>)
/// go on the INVITE. Only <c>X-</c> headers and the few standard ones Twilio passes (<c>User-to-User</c>,
/// <c>Remote-Party-ID</c>, <c>P-Preferred-Identity</c>, <c>P-Called-Party-ID</c>) are taken from the URI:
/// the others would change the request's routing or identity (RFC 3261 19.1.5). Twilio's limits apply:
/// 255 characters of URI before the headers, 1024 of headers. Transports: UDP and TCP; TLS (<c>sips:</c>,
/// <c>transport=tls</c>) is refused until the engine has a TLS transport.
/// </summary>
internal static class SipDialTarget
{
    /// <summary>Twilio's limit on a SIP URI, headers excluded.</summary>
    public const int MaxUriCharacters = 255;

    /// <summary>Twilio's limit on the headers part of a SIP URI.</summary>
    public const int MaxHeadersCharacters = 1024;

    private static readonly string[] PassedStandardHeaders = ["User-to-User", "Remote-Party-ID", "P-Preferred-Identity", "P-Called-Party-ID"];

    /// <summary>Splits <paramref name="text"/> into the URI to call and its headers; false with a message when it cannot be called.</summary>
    public static bool TryParse(string text, out SipUri target, out IReadOnlyList<KeyValuePair<string, string>> headers, out string? error)
    {
        headers = [];
        var trimmed = text?.Trim() ?? string.Empty;
        if (!SipUri.TryParse(trimmed, out target, out var parseError))
        {
            error = $"'{text}' is not a SIP URI: {parseError}";
            return false;
        }

        if (!target.IsSip)
        {
            error = $"'{text}' is not a sip: or sips: URI";
            return false;
        }

        if (target.IsSecure || target.Transport is "tls" or "wss" or "ws" or "sctp")
        {
            error = $"'{target.WithoutHeaders()}' asks for {(target.IsSecure ? "sips (TLS)" : "transport=" + target.Transport)}, which the engine does not support yet; use transport=udp or transport=tcp";
            return false;
        }

        if (target.Transport is { } transport && transport is not ("udp" or "tcp"))
        {
            error = $"'{target.WithoutHeaders()}' asks for transport={transport}; the engine dials over udp or tcp";
            return false;
        }

        var query = target.Headers ?? string.Empty;
        var address = trimmed.Length - (query.Length == 0 ? 0 : query.Length + 1);
        if (address > MaxUriCharacters || query.Length > MaxHeadersCharacters)
        {
            error = address > MaxUriCharacters
                ? $"the SIP URI has {address.ToString(CultureInfo.InvariantCulture)} characters before its headers; the limit is {MaxUriCharacters}"
                : $"the SIP URI's headers have {query.Length.ToString(CultureInfo.InvariantCulture)} characters; the limit is {MaxHeadersCharacters}";
            return false;
        }

        headers = HeadersOf(query);
        target = target.WithoutHeaders();
        error = null;
        return true;
    }

    /// <summary>The headers of a SIP URI's query part that may be passed on (decoded), in order.</summary>
    internal static List<KeyValuePair<string, string>> HeadersOf(string query)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = Uri.UnescapeDataString(pair[..equals]).Trim();
            var value = Uri.UnescapeDataString(pair[(equals + 1)..]).Trim();
            var allowed = name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) ||
                PassedStandardHeaders.Contains(name, StringComparer.OrdinalIgnoreCase);

            // A CR or LF in a decoded value would forge headers (RFC 3261 25.1).
            if (allowed && !value.Any(char.IsControl) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                headers.Add(new(name, value));
            }
        }

        return headers;
    }
}
