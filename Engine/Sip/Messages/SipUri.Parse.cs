using System.Net;

namespace RcmlEngine.Sip.Messages;

internal sealed partial class SipUri
{
    /// <summary>Parses a URI; on failure <paramref name="error"/> says what is wrong. Never throws.</summary>
    public static bool TryParse(string text, out SipUri uri, out string error)
    {
        uri = null!;
        error = string.Empty;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !IsScheme(text.AsSpan(0, colon)))
        {
            error = $"'{Shorten(text)}' has no valid URI scheme";
            return false;
        }

        // No URI contains whitespace, angle brackets or double quotes (RFC 3986 and 3261 25.1).
        if (text.AsSpan().ContainsAny(SipGrammar.NotInUri))
        {
            error = $"URI '{Shorten(text)}' contains a character not allowed in a URI";
            return false;
        }

        var schemeText = text.AsSpan(0, colon);
        var scheme = schemeText.Equals("sip", StringComparison.OrdinalIgnoreCase) ? "sip"
            : schemeText.Equals("sips", StringComparison.OrdinalIgnoreCase) ? "sips"
            : schemeText.Equals("tel", StringComparison.OrdinalIgnoreCase) ? "tel"
            : schemeText.ToString().ToLowerInvariant();
        var rest = text.AsSpan(colon + 1);
        if (rest.IsEmpty)
        {
            error = $"URI '{Shorten(text)}' is empty after its scheme";
            return false;
        }

        return scheme switch
        {
            "sip" or "sips" => TryParseSip(scheme, rest, text, out uri, out error),
            "tel" => TryParseTel(rest, text, out uri, out error),
            _ => TryParseOpaque(scheme, rest, text, out uri, out error),
        };
    }

    private static bool TryParseOpaque(string scheme, ReadOnlySpan<char> rest, string text, out SipUri uri, out string error)
    {
        error = string.Empty;
        uri = new SipUri(scheme) { Opaque = rest.ToString(), _text = text };
        return true;
    }

    private static bool TryParseTel(ReadOnlySpan<char> rest, string text, out SipUri uri, out string error)
    {
        uri = null!;
        var semi = rest.IndexOf(';');
        var number = semi < 0 ? rest : rest[..semi];
        var parameters = new SipParameters();
        if (number.IsEmpty || !SipParameters.TryParseUriParameters(semi < 0 ? default : rest[semi..], parameters, out error))
        {
            error = $"tel URI '{Shorten(text)}': {(number.IsEmpty ? "no number" : "bad parameters")}";
            return false;
        }

        uri = new SipUri("tel") { User = number.ToString(), Parameters = parameters, _text = text };
        return true;
    }

    private static bool TryParseSip(string scheme, ReadOnlySpan<char> rest, string text, out SipUri uri, out string error)
    {
        uri = null!;
        string? user = null;
        string? password = null;

        // '@' may not appear unescaped after the userinfo (RFC 3261 25.1), so the last one ends it.
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var passColon = userInfo.IndexOf(':');
            var userPart = passColon < 0 ? userInfo : userInfo[..passColon];
            if (userPart.IsEmpty || !IsUserChars(userPart))
            {
                error = $"URI '{Shorten(text)}' has an invalid user part";
                return false;
            }

            user = userPart.ToString();
            if (passColon >= 0)
            {
                password = userInfo[(passColon + 1)..].ToString();
            }

            rest = rest[(at + 1)..];
        }

        string? headers = null;
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            headers = rest[(question + 1)..].ToString();
            rest = rest[..question];
        }

        var semi = rest.IndexOf(';');
        var hostPort = semi < 0 ? rest : rest[..semi];
        if (!TryParseHostPort(hostPort, out var host, out var port, out error))
        {
            error = $"URI '{Shorten(text)}': {error}";
            return false;
        }

        var parameters = new SipParameters();
        if (semi >= 0 && !SipParameters.TryParseUriParameters(rest[semi..], parameters, out error))
        {
            error = $"URI '{Shorten(text)}': {error}";
            return false;
        }

        uri = new SipUri(scheme)
        {
            User = user, Password = password, Host = host, Port = port, Parameters = parameters, Headers = headers, _text = text,
        };
        return true;
    }

    /// <summary>Parses <c>host [":" port]</c> where host is a name, IPv4 or a bracketed IPv6 reference.</summary>
    public static bool TryParseHostPort(ReadOnlySpan<char> text, out string host, out int? port, out string error)
    {
        host = string.Empty;
        port = null;
        error = string.Empty;
        ReadOnlySpan<char> portText = default;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0 || !IsIPv6Reference(text[1..close]))
            {
                error = $"invalid IPv6 reference '{text}'";
                return false;
            }

            host = text[..(close + 1)].ToString();
            var after = text[(close + 1)..];
            if (!after.IsEmpty)
            {
                if (after[0] != ':')
                {
                    error = $"unexpected '{after}' after IPv6 reference";
                    return false;
                }

                portText = after[1..];
                if (portText.IsEmpty)
                {
                    error = "empty port";
                    return false;
                }
            }
        }
        else
        {
            var colon = text.IndexOf(':');
            var name = colon < 0 ? text : text[..colon];
            if (!IsHostName(name))
            {
                error = name.IsEmpty ? "empty host" : $"invalid host '{name}'";
                return false;
            }

            host = name.ToString();
            if (colon >= 0)
            {
                portText = text[(colon + 1)..];
                if (portText.IsEmpty)
                {
                    error = "empty port";
                    return false;
                }
            }
        }

        if (!portText.IsEmpty)
        {
            if (!SipGrammar.TryParseDecimal(portText, 65535, out var value))
            {
                error = $"invalid port '{portText}'";
                return false;
            }

            port = (int)value;
        }

        return true;
    }

    /// <summary>
    /// An IPv6 literal; liberal about the "three colons" form that a bug in the RFC 3261 ABNF allowed
    /// (RFC 5118 4.4: accept <c>2001:db8:::192.0.2.1</c>).
    /// </summary>
    public static bool IsIPv6Reference(ReadOnlySpan<char> text) =>
        !text.IsEmpty && text.Contains(':') &&
        (IPAddress.TryParse(text, out var a) && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ||
         IPAddress.TryParse(text.ToString().Replace(":::", "::", StringComparison.Ordinal), out _));

    private static bool IsHostName(ReadOnlySpan<char> text)
    {
        // RFC 3261 25.1 hostname: alphanum, '-' and '.'; '_' is accepted because it is seen in the wild.
        return !text.IsEmpty && !text.ContainsAnyExcept(SipGrammar.HostChars);
    }

    private static bool IsScheme(ReadOnlySpan<char> text)
    {
        if (!char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUserChars(ReadOnlySpan<char> text)
    {
        // RFC 3261 25.1 user: unreserved / escaped / user-unreserved.
        return !text.ContainsAnyExcept(SipGrammar.UserChars);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
