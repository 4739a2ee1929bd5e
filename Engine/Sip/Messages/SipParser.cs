using System.Globalization;
using System.Text;

namespace RcmlEngine.Sip.Messages;

/// <summary>
/// Turns bytes into a <see cref="SipMessage"/> (RFC 3261 7 and 25). Never throws on input: every
/// defect comes back as a <see cref="SipParseResult"/> naming the header at fault. Leading CRLFs
/// (keep-alives) are skipped; octets after the Content-Length body are ignored (RFC 4475 3.1.1.8).
/// </summary>
internal static partial class SipParser
{
    /// <summary>
    /// Parses one message. <paramref name="isStream"/> is true for TCP, where a missing
    /// Content-Length means an empty body (RFC 3261 18.3); on UDP the body is the rest of the datagram.
    /// </summary>
    public static SipParseResult Parse(ReadOnlySpan<byte> data, bool isStream = false)
    {
        var start = 0;
        while (start + 1 < data.Length && data[start] == '\r' && data[start + 1] == '\n')
        {
            start += 2;
        }

        data = data[start..];
        if (data.IsEmpty)
        {
            return SipParseResult.Fail("start line", "empty message");
        }

        var headerEnd = FindHeaderEnd(data, out var bodyStart);
        if (headerEnd < 0)
        {
            return SipParseResult.Fail("headers", "truncated: no empty line ends the header section");
        }

        var text = Encoding.UTF8.GetString(data[..headerEnd]);
        var lineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var startLine = (lineEnd < 0 ? text : text[..lineEnd]).AsSpan().TrimEnd('\r');
        var headerStart = lineEnd < 0 ? text.Length : lineEnd + 1;

        SipMessage message;
        if (startLine.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase))
        {
            if (!TryParseStatusLine(startLine, out var response, out var error))
            {
                return SipParseResult.Fail("start line", error);
            }

            message = response;
        }
        else
        {
            var status = TryParseRequestLine(startLine, out var request, out var error);
            if (request is null)
            {
                return SipParseResult.Fail("start line", error);
            }

            if (status != 0)
            {
                // The request line is readable: keep the headers so the UAS can answer 505 or 400.
                ReadHeaders(text, headerStart, request.Headers, out _, out _);
                return SipParseResult.Fail("start line", error, status, request);
            }

            message = request;
        }

        if (!ReadHeaders(text, headerStart, message.Headers, out var where, out var headerError))
        {
            return Reject(message, where, headerError);
        }

        if (!TryReadBody(message, data[bodyStart..], isStream, out headerError))
        {
            return Reject(message, SipHeaderNames.ContentLength, headerError);
        }

        return Validate(message);
    }

    /// <summary>Index of the CRLFCRLF (or LFLF) ending the headers, and where the body starts; -1 when absent.</summary>
    public static int FindHeaderEnd(ReadOnlySpan<byte> data, out int bodyStart)
    {
        var crlf = data.IndexOf("\r\n\r\n"u8);
        var lf = data.IndexOf("\n\n"u8);
        if (crlf >= 0 && (lf < 0 || crlf < lf))
        {
            bodyStart = crlf + 4;
            return crlf;
        }

        bodyStart = lf < 0 ? -1 : lf + 2;
        return lf;
    }

    private static SipParseResult Reject(SipMessage message, string where, string error) =>
        message is SipRequest request
            ? SipParseResult.Fail(where, error, 400, request)
            : SipParseResult.Fail(where, error);

    private static int TryParseRequestLine(ReadOnlySpan<char> line, out SipRequest? request, out string error)
    {
        request = null;
        var first = line.IndexOf(' ');
        var last = line.LastIndexOf(' ');
        if (first <= 0 || last == first)
        {
            error = "request line is not 'Method SP Request-URI SP SIP-Version'";
            return 0;
        }

        var method = line[..first];
        var uriText = line[(first + 1)..last];
        var version = line[(last + 1)..];
        if (!SipGrammar.IsToken(method))
        {
            error = $"method '{Clip(method)}' is not a token";
            return 0;
        }

        if (uriText.IsEmpty || uriText.ContainsAny(' ', '\t'))
        {
            error = "Request-URI is empty or contains whitespace (exactly one SP separates the request-line elements)";
            return 0;
        }

        if (!SipUri.TryParse(uriText.ToString(), out var uri, out error))
        {
            return 0;
        }

        request = new SipRequest(SipMethods.Intern(method), uri);
        if (!version.Equals("SIP/2.0", StringComparison.OrdinalIgnoreCase))
        {
            // RFC 3261 8.2.2 / 4475 3.1.2.16: a readable request of another version gets 505.
            error = $"SIP version '{Clip(version)}' is not SIP/2.0";
            return version.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase) ? 505 : 400;
        }

        if (uri.IsSip && uri.Headers is not null)
        {
            // RFC 3261 19.1.1 table: headers are not allowed in a Request-URI (RFC 4475 3.1.2.11).
            error = "Request-URI carries '?headers', which a Request-URI may not";
            return 400;
        }

        error = string.Empty;
        return 0;
    }

    private static bool TryParseStatusLine(ReadOnlySpan<char> line, out SipResponse response, out string error)
    {
        response = null!;
        if (line.Length < 11 || !line.StartsWith("SIP/2.0 ", StringComparison.OrdinalIgnoreCase))
        {
            error = "status line is not 'SIP/2.0 SP Status-Code SP Reason-Phrase'";
            return false;
        }

        var code = line.Slice(8, 3);
        if (!SipGrammar.TryParseDecimal(code, 699, out var status) || status < 100 || (line.Length > 11 && line[11] != ' '))
        {
            error = $"status code '{Clip(line[8..])}' is not three digits from 100 to 699";
            return false;
        }

        error = string.Empty;
        response = new SipResponse((int)status, line.Length > 12 ? line[12..].ToString() : string.Empty);
        return true;
    }

    private static bool TryReadBody(SipMessage message, ReadOnlySpan<byte> rest, bool isStream, out string error)
    {
        error = string.Empty;
        var lengths = message.Headers.CountOf(SipHeaderNames.ContentLength);
        if (lengths > 1)
        {
            error = "more than one Content-Length";
            return false;
        }

        var value = message.Headers[SipHeaderNames.ContentLength];
        int length;
        if (value is null)
        {
            length = isStream ? 0 : rest.Length;
        }
        else if (SipGrammar.TryParseDecimal(value, int.MaxValue, out var parsed))
        {
            length = (int)parsed;
        }
        else
        {
            error = $"'{Clip(value)}' is not a non-negative length";
            return false;
        }

        if (length > rest.Length)
        {
            error = $"Content-Length {length.ToString(CultureInfo.InvariantCulture)} is larger than the {rest.Length.ToString(CultureInfo.InvariantCulture)} body bytes received";
            return false;
        }

        message.Body = length == 0 ? ReadOnlyMemory<byte>.Empty : rest[..length].ToArray();
        return true;
    }

    private static string Clip(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : string.Concat(text[..37], "...");
}
