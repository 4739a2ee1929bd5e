using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RcmlEngine.Rcml.Ast;

internal sealed partial record RcmlSipUri
{
    // RFC 3261 25.1: unreserved = alphanum / mark; mark = "-" / "_" / "." / "!" / "~" / "*" / "'" / "(" / ")".
    private const string Mark = "-_.!~*'()";

    // RFC 3261 25.1: user-unreserved = "&" / "=" / "+" / "$" / "," / ";" / "?" / "/".
    private const string UserUnreserved = "&=+$,;?/";

    // RFC 3261 25.1: password = *( unreserved / escaped / "&" / "=" / "+" / "$" / "," ).
    private const string PasswordExtra = "&=+$,";

    // RFC 3261 25.1: param-unreserved = "[" / "]" / "/" / ":" / "&" / "+" / "$".
    private const string ParamUnreserved = "[]/:&+$";

    // RFC 3261 25.1: hnv-unreserved = "[" / "]" / "/" / "?" / ":" / "+" / "$".
    private const string HeaderUnreserved = "[]/?:+$";

    /// <summary>
    /// Parses a SIP or SIPS URI (RFC 3261 19.1.1). Never throws: on failure <paramref name="error"/> says
    /// what is wrong, in words for the RCML author.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out RcmlSipUri? uri, [NotNullWhen(false)] out string? error)
    {
        uri = null;
        var value = (text ?? string.Empty).Trim();
        SipUriScheme scheme;
        int position;
        if (value.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            (scheme, position) = (SipUriScheme.Sip, 4);
        }
        else if (value.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            (scheme, position) = (SipUriScheme.Sips, 5);
        }
        else
        {
            error = value.Length == 0 ? "the SIP URI is empty" : $"'{Shorten(value)}' does not start with 'sip:' or 'sips:'";
            return false;
        }

        var rest = value.AsSpan(position);
        var question = rest.IndexOf('?');
        var headersText = question < 0 ? ReadOnlySpan<char>.Empty : rest[(question + 1)..];
        var address = question < 0 ? rest : rest[..question];

        string? user = null;
        string? password = null;
        var at = address.IndexOf('@');
        if (at >= 0)
        {
            if (!TryParseUserInfo(address[..at], out user, out password, out error))
            {
                return false;
            }

            address = address[(at + 1)..];
        }

        var semicolon = address.IndexOf(';');
        var hostPort = semicolon < 0 ? address : address[..semicolon];
        var parametersText = semicolon < 0 ? ReadOnlySpan<char>.Empty : address[(semicolon + 1)..];
        if (!TryParseHostPort(hostPort, out var host, out var isIPv6, out var port, out error)
            || !TryParseParameters(parametersText, semicolon >= 0, out var parameters, out error)
            || !TryParseHeaders(headersText, question >= 0, out var headers, out error))
        {
            return false;
        }

        uri = new RcmlSipUri
        {
            Scheme = scheme,
            User = user,
            Password = password,
            Host = host,
            IsIPv6Host = isIPv6,
            Port = port,
            Parameters = parameters,
            Headers = headers,
            Text = value,
            HeadersLength = question < 0 ? 0 : headersText.Length,
        };
        return true;
    }

    private static bool TryParseUserInfo(ReadOnlySpan<char> userInfo, out string? user, out string? password, [NotNullWhen(false)] out string? error)
    {
        user = null;
        password = null;
        var colon = userInfo.IndexOf(':');
        var userPart = colon < 0 ? userInfo : userInfo[..colon];
        if (userPart.IsEmpty)
        {
            error = "the user part before '@' is empty";
            return false;
        }

        if (!AllValid(userPart, UserUnreserved, out var bad))
        {
            error = $"the user part contains '{bad}', which must be percent-encoded";
            return false;
        }

        if (colon >= 0)
        {
            var passwordPart = userInfo[(colon + 1)..];
            if (!AllValid(passwordPart, PasswordExtra, out bad))
            {
                error = $"the password contains '{bad}', which must be percent-encoded";
                return false;
            }

            password = passwordPart.ToString();
        }

        user = userPart.ToString();
        error = null;
        return true;
    }

    private static bool TryParseHostPort(ReadOnlySpan<char> hostPort, out string host, out bool isIPv6, out int? port, [NotNullWhen(false)] out string? error)
    {
        host = string.Empty;
        isIPv6 = false;
        port = null;
        ReadOnlySpan<char> portText;
        if (hostPort.StartsWith("["))
        {
            var close = hostPort.IndexOf(']');
            if (close < 0)
            {
                error = "the IPv6 address has no closing ']'";
                return false;
            }

            var literal = hostPort[1..close];
            if (!IPAddress.TryParse(literal, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                error = $"'[{literal}]' is not an IPv6 address";
                return false;
            }

            host = literal.ToString();
            isIPv6 = true;
            var after = hostPort[(close + 1)..];
            if (!after.IsEmpty && after[0] != ':')
            {
                error = $"unexpected '{after[0]}' after the IPv6 address";
                return false;
            }

            portText = after.IsEmpty ? ReadOnlySpan<char>.Empty : after[1..];
            if (!after.IsEmpty && portText.IsEmpty)
            {
                error = "the port after ':' is empty";
                return false;
            }
        }
        else
        {
            var colon = hostPort.IndexOf(':');
            var name = colon < 0 ? hostPort : hostPort[..colon];
            if (!IsHostName(name, out error))
            {
                return false;
            }

            host = name.ToString();
            portText = colon < 0 ? ReadOnlySpan<char>.Empty : hostPort[(colon + 1)..];
            if (colon >= 0 && portText.IsEmpty)
            {
                error = "the port after ':' is empty";
                return false;
            }
        }

        if (!portText.IsEmpty)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                error = $"'{portText}' is not a port number (1 to 65535)";
                return false;
            }

            port = number;
        }

        error = null;
        return true;
    }

    private static bool IsHostName(ReadOnlySpan<char> name, [NotNullWhen(false)] out string? error)
    {
        // RFC 3261 25.1: hostname = *( domainlabel "." ) toplabel [ "." ], labels of alphanum and inner "-";
        // an IPv4 address has the same characters, so one check serves both.
        if (name.IsEmpty)
        {
            error = "the host is missing";
            return false;
        }

        var labelStart = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i < name.Length && name[i] != '.')
            {
                if (!char.IsAsciiLetterOrDigit(name[i]) && name[i] != '-')
                {
                    error = $"the host '{Shorten(name.ToString())}' contains '{name[i]}'";
                    return false;
                }

                continue;
            }

            var label = name[labelStart..i];
            // An empty label is allowed only as the end of a name with a trailing dot ("example.com.").
            var trailingDot = label.IsEmpty && i == name.Length && labelStart > 1;
            if ((label.IsEmpty && !trailingDot) || (!label.IsEmpty && (label[0] == '-' || label[^1] == '-')))
            {
                error = $"'{Shorten(name.ToString())}' is not a host name";
                return false;
            }

            labelStart = i + 1;
        }

        error = null;
        return true;
    }

    private static bool TryParseParameters(ReadOnlySpan<char> text, bool present, out IReadOnlyList<KeyValuePair<string, string?>> parameters, [NotNullWhen(false)] out string? error)
    {
        parameters = [];
        if (!present)
        {
            error = null;
            return true;
        }

        var list = new List<KeyValuePair<string, string?>>();
        foreach (var range in text.Split(';'))
        {
            var parameter = text[range];
            var equals = parameter.IndexOf('=');
            var name = equals < 0 ? parameter : parameter[..equals];
            var value = equals < 0 ? ReadOnlySpan<char>.Empty : parameter[(equals + 1)..];
            if (name.IsEmpty)
            {
                error = "a URI parameter after ';' has no name";
                return false;
            }

            if (!AllValid(name, ParamUnreserved, out var bad) || !AllValid(value, ParamUnreserved, out bad))
            {
                error = $"the URI parameter '{Shorten(parameter.ToString())}' contains '{bad}', which must be percent-encoded";
                return false;
            }

            list.Add(new(name.ToString(), equals < 0 ? null : value.ToString()));
        }

        parameters = list;
        error = null;
        return true;
    }

    private static bool TryParseHeaders(ReadOnlySpan<char> text, bool present, out IReadOnlyList<KeyValuePair<string, string>> headers, [NotNullWhen(false)] out string? error)
    {
        headers = [];
        if (!present)
        {
            error = null;
            return true;
        }

        var list = new List<KeyValuePair<string, string>>();
        foreach (var range in text.Split('&'))
        {
            var header = text[range];
            var equals = header.IndexOf('=');
            var name = equals < 0 ? header : header[..equals];
            var value = equals < 0 ? ReadOnlySpan<char>.Empty : header[(equals + 1)..];
            if (name.IsEmpty)
            {
                error = "a header after '?' has no name";
                return false;
            }

            if (!AllValid(name, HeaderUnreserved, out var bad) || !AllValid(value, HeaderUnreserved, out bad))
            {
                error = $"the header '{Shorten(header.ToString())}' contains '{bad}', which must be percent-encoded";
                return false;
            }

            list.Add(new(Uri.UnescapeDataString(name.ToString()), Uri.UnescapeDataString(value.ToString())));
        }

        headers = list;
        error = null;
        return true;
    }

    /// <summary>True when every character is unreserved, a valid <c>%XX</c> escape, or one of <paramref name="extra"/>.</summary>
    private static bool AllValid(ReadOnlySpan<char> text, string extra, out char bad)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || Mark.Contains(c, StringComparison.Ordinal) || extra.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            if (c == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                i += 2;
                continue;
            }

            bad = c;
            return false;
        }

        bad = default;
        return true;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
