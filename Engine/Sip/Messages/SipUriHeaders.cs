using System.Text;

namespace RcmlEngine.Sip.Messages;

/// <summary>
/// Writes the headers part of a SIP URI (RFC 3261 19.1.1): <c>?name=value&amp;name=value</c>, each name and
/// value escaped so that only <c>hnv-unreserved</c> and <c>unreserved</c> characters stay as they are
/// (RFC 3261 25.1). A value such as <c>123;encoding=hex</c> becomes <c>123%3Bencoding%3Dhex</c>, so the
/// receiver splits the headers exactly as they were given.
/// </summary>
internal static class SipUriHeaders
{
    /// <summary>RFC 3261 25.1: <c>hnv-unreserved = "[" / "]" / "/" / "?" / ":" / "+" / "$"</c>.</summary>
    private const string HnvUnreserved = "[]/?:+$";

    /// <summary>RFC 3261 25.1: <c>mark = "-" / "_" / "." / "!" / "~" / "*" / "'" / "(" / ")"</c>.</summary>
    private const string Mark = "-_.!~*'()";

    /// <summary>The headers as the part after <c>?</c> (without the <c>?</c>); empty for none.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var builder = new StringBuilder();
        foreach (var (name, value) in headers)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            Escape(builder, name);
            builder.Append('=');
            Escape(builder, value);
        }

        return builder.ToString();
    }

    /// <summary><paramref name="uri"/> (its own headers dropped) with <paramref name="headers"/> as its headers.</summary>
    public static SipUri With(SipUri uri, IReadOnlyCollection<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(headers);
        var bare = uri.WithoutHeaders();
        if (headers.Count == 0)
        {
            return bare;
        }

        var text = bare + "?" + Format(headers);
        return SipUri.TryParse(text, out var result, out var error)
            ? result
            : throw new ArgumentException($"'{text}' is not a SIP URI: {error}", nameof(headers));
    }

    private static void Escape(StringBuilder builder, string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || Mark.Contains(c, StringComparison.Ordinal) || HnvUnreserved.Contains(c, StringComparison.Ordinal)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
            }
        }
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);
}
