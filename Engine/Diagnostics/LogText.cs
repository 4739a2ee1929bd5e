using System.Globalization;
using System.Text;

namespace RcmlEngine.Diagnostics;

/// <summary>
/// Makes text that came from a request (a header name, a Call-ID, a parse error quoting the input) safe
/// to write in a log line: control characters (ESC for terminal escapes, CR and LF for forged lines, C1,
/// DEL), Unicode line separators and bidirectional overrides are written as <c>\xHH</c> or <c>\uHHHH</c>
/// escapes, and long text is cut to <see cref="MaxLength"/> characters.
/// </summary>
internal static class LogText
{
    /// <summary>The longest text kept; more is cut and marked with an ellipsis.</summary>
    public const int MaxLength = 256;

    // Printable ASCII but the backslash (escaped so that "\x1B" in the input cannot pass for an escape).
    private static readonly System.Buffers.SearchValues<char> SafeCharacters = System.Buffers.SearchValues.Create(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>The text with every unsafe character escaped; null becomes an empty string.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var cut = text.Length > MaxLength;
        var span = cut ? text.AsSpan(0, MaxLength) : text.AsSpan();
        if (!cut && !span.ContainsAnyExcept(SafeCharacters))
        {
            return text;
        }

        var builder = new StringBuilder(span.Length + 16);
        foreach (var c in span)
        {
            if (IsUnsafe(c))
            {
                builder.Append(c <= 0xFF
                    ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}")
                    : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
            }
            else
            {
                builder.Append(c);
            }
        }

        return cut ? builder.Append('…').ToString() : builder.ToString();
    }

    /// <summary>True for characters that can forge or hide log content.</summary>
    public static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\\' or '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
