using System.Globalization;
using System.Text;

namespace RcmlEngine.Sip.Messages;

/// <summary>
/// Writes a message as bytes (RFC 3261 7). Content-Length is always written from the body, so a
/// stale header can never frame a message wrongly on TCP.
/// </summary>
internal static class SipWriter
{
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();

    public static byte[] ToBytes(SipMessage message)
    {
        var startLine = StartLine(message);
        var length = Encoding.UTF8.GetByteCount(startLine) + 2;
        foreach (var header in message.Headers.All)
        {
            if (header.Name != SipHeaderNames.ContentLength)
            {
                length += Encoding.UTF8.GetByteCount(header.Name) + 2 + Encoding.UTF8.GetByteCount(header.Value) + 2;
            }
        }

        var bodyLength = message.Body.Length.ToString(CultureInfo.InvariantCulture);
        length += SipHeaderNames.ContentLength.Length + 2 + bodyLength.Length + 4 + message.Body.Length;
        var buffer = new byte[length];
        var span = buffer.AsSpan();
        var written = Encoding.UTF8.GetBytes(startLine, span);
        written += Put(span[written..], Crlf);
        foreach (var header in message.Headers.All)
        {
            if (header.Name != SipHeaderNames.ContentLength)
            {
                written += WriteHeader(span[written..], header.Name, header.Value);
            }
        }

        written += WriteHeader(span[written..], SipHeaderNames.ContentLength, bodyLength);
        written += Put(span[written..], Crlf);
        message.Body.Span.CopyTo(span[written..]);
        return buffer;
    }

    /// <summary>The message as text, for logs at Trace and for tests.</summary>
    public static string ToText(SipMessage message) => Encoding.UTF8.GetString(ToBytes(message));

    private static string StartLine(SipMessage message) => message switch
    {
        SipRequest r => $"{r.Method} {r.Uri} SIP/2.0",
        SipResponse s => $"SIP/2.0 {s.StatusCode.ToString(CultureInfo.InvariantCulture)} {s.ReasonPhrase}",
        _ => throw new ArgumentException("unknown message type", nameof(message)),
    };

    private static int WriteHeader(Span<byte> span, string name, string value)
    {
        var n = Encoding.UTF8.GetBytes(name, span);
        span[n++] = (byte)':';
        span[n++] = (byte)' ';
        n += Encoding.UTF8.GetBytes(value, span[n..]);
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        return n;
    }

    private static int Put(Span<byte> span, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(span);
        return bytes.Length;
    }
}
