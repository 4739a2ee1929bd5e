using System.Globalization;
using System.Text;

namespace RcmlEngine.Sip.UserAgent;

/// <summary>Reads a DTMF digit from an INFO body: <c>application/dtmf-relay</c> (<c>Signal=5\r\nDuration=160</c>) or <c>application/dtmf</c> (<c>5</c>).</summary>
internal static class DtmfRelay
{
    public static (char? Digit, TimeSpan? Duration) Read(SipBody body)
    {
        var type = UasRequestCheck.MediaType(body.ContentType);
        var text = Encoding.ASCII.GetString(body.Content.Span);
        if (type.Equals("application/dtmf", StringComparison.OrdinalIgnoreCase))
        {
            var trimmed = text.Trim();
            return (trimmed.Length == 1 && IsDigit(trimmed[0]) ? char.ToUpperInvariant(trimmed[0]) : null, null);
        }

        if (!type.Equals("application/dtmf-relay", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        char? digit = null;
        TimeSpan? duration = null;
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var name = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if (name.Equals("Signal", StringComparison.OrdinalIgnoreCase) && value.Length == 1 && IsDigit(value[0]))
            {
                digit = char.ToUpperInvariant(value[0]);
            }
            else if (name.Equals("Duration", StringComparison.OrdinalIgnoreCase) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            {
                duration = TimeSpan.FromMilliseconds(ms);
            }
        }

        return (digit, duration);
    }

    private static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is '*' or '#' || char.ToUpperInvariant(c) is >= 'A' and <= 'D';
}
