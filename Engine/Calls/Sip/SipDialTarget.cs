using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Calls.Sip;

/// <summary>
/// Reads a Dial target: a SIP URI whose headers (RFC 3261 19.1.1, <c>?X-Customer=42&amp;User-to-User=...</c>)
/// go on the INVITE. Only <c>X-</c> headers and <c>User-to-User</c> are taken from the URI: the others
/// would change the request's routing or identity (RFC 3261 19.1.5).
/// </summary>
internal static class SipDialTarget
{
    /// <summary>Splits <paramref name="text"/> into the URI to call and its headers; false with a message when it is not a SIP URI.</summary>
    public static bool TryParse(string text, out SipUri target, out IReadOnlyList<KeyValuePair<string, string>> headers, out string? error)
    {
        headers = [];
        if (!SipUri.TryParse(text?.Trim() ?? string.Empty, out target, out var parseError))
        {
            error = $"'{text}' is not a SIP URI: {parseError}";
            return false;
        }

        if (!target.IsSip)
        {
            error = $"'{text}' is not a sip: or sips: URI";
            return false;
        }

        headers = HeadersOf(target.Headers);
        target = target.WithoutHeaders();
        error = null;
        return true;
    }

    private static List<KeyValuePair<string, string>> HeadersOf(string? query)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var pair in (query ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = Uri.UnescapeDataString(pair[..equals]).Trim();
            var value = Uri.UnescapeDataString(pair[(equals + 1)..]).Trim();
            var allowed = name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) || name.Equals("User-to-User", StringComparison.OrdinalIgnoreCase);
            if (allowed && !value.Contains('\r', StringComparison.Ordinal) && !value.Contains('\n', StringComparison.Ordinal))
            {
                headers.Add(new(name, value));
            }
        }

        return headers;
    }
}
