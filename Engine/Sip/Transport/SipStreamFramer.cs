using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Transport;

/// <summary>
/// Finds message boundaries in a TCP byte stream (RFC 3261 18.3): the header section ends at the
/// first empty line, and the body is exactly Content-Length bytes (0 when absent).
/// </summary>
internal static class SipStreamFramer
{
    /// <summary>What the buffered bytes hold.</summary>
    public enum Frame
    {
        /// <summary>More bytes are needed.</summary>
        Incomplete,

        /// <summary>A whole message of <c>length</c> bytes starts at <c>start</c>.</summary>
        Complete,

        /// <summary>Only CRLF keep-alives (RFC 5626 4.4.1); <c>start</c> bytes can be skipped.</summary>
        KeepAlive,

        /// <summary>The stream cannot be framed (too large, bad Content-Length); close the connection.</summary>
        Invalid,
    }

    public static Frame TryFrame(ReadOnlySpan<byte> buffer, int maxMessageSize, out int start, out int length, out string error)
    {
        error = string.Empty;
        length = 0;
        start = 0;
        while (start < buffer.Length && buffer[start] is (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start > 0 && start == buffer.Length)
        {
            return Frame.KeepAlive;
        }

        var data = buffer[start..];
        var headerEnd = SipParser.FindHeaderEnd(data, out var bodyStart);
        if (headerEnd < 0)
        {
            if (data.Length >= maxMessageSize)
            {
                error = $"no end of headers within {maxMessageSize} bytes";
                return Frame.Invalid;
            }

            return Frame.Incomplete;
        }

        if (!TryFindContentLength(data[..headerEnd], out var contentLength))
        {
            error = "missing end of headers or unreadable Content-Length";
            return Frame.Invalid;
        }

        var total = (long)bodyStart + contentLength;
        if (total > maxMessageSize)
        {
            error = $"message of {total} bytes exceeds {maxMessageSize}";
            return Frame.Invalid;
        }

        if (data.Length < total)
        {
            return Frame.Incomplete;
        }

        length = (int)total;
        return Frame.Complete;
    }

    /// <summary>Reads Content-Length (or its compact form <c>l</c>) from raw header bytes; 0 when absent.</summary>
    private static bool TryFindContentLength(ReadOnlySpan<byte> headers, out long value)
    {
        value = 0;
        while (!headers.IsEmpty)
        {
            var newline = headers.IndexOf((byte)'\n');
            var line = newline < 0 ? headers : headers[..newline];
            headers = newline < 0 ? default : headers[(newline + 1)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].TrimEnd(" \t"u8);
            if (!(name.Length == 1 && (name[0] | 0x20) == 'l') && !System.Text.Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                continue;
            }

            var digits = line[(colon + 1)..].Trim(" \t\r"u8);
            value = 0;
            if (digits.IsEmpty)
            {
                return false;
            }

            foreach (var b in digits)
            {
                if (b is < (byte)'0' or > (byte)'9' || value > int.MaxValue)
                {
                    return false;
                }

                value = (value * 10) + (b - '0');
            }

            return true;
        }

        return true;
    }
}
