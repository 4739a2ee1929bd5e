using System.Text;

namespace RcmlEngine.Sip.Auth;

/// <summary>
/// The <c>name=value, name="quoted"</c> list after <c>Digest</c> in WWW-Authenticate, Authorization
/// and their proxy forms (RFC 2617 3.2, RFC 7616 3.3). Names compare case-insensitively.
/// </summary>
internal static class DigestParameters
{
    /// <summary>Splits <c>Digest a=b, c="d"</c>; false when the scheme is not Digest or the list is malformed.</summary>
    public static bool TryParse(string header, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = header.AsSpan().Trim();
        var space = text.IndexOfAny(' ', '\t');
        if (space < 0 || !text[..space].Equals("Digest", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var position = space;
        while (position < text.Length)
        {
            while (position < text.Length && (text[position] is ' ' or '\t' or ','))
            {
                position++;
            }

            if (position >= text.Length)
            {
                break;
            }

            var eq = text[position..].IndexOf('=');
            if (eq <= 0)
            {
                return false;
            }

            var name = text.Slice(position, eq).Trim().ToString();
            position += eq + 1;
            while (position < text.Length && text[position] is ' ' or '\t')
            {
                position++;
            }

            string value;
            if (position < text.Length && text[position] == '"')
            {
                var builder = new StringBuilder();
                position++;
                while (position < text.Length && text[position] != '"')
                {
                    if (text[position] == '\\' && position + 1 < text.Length)
                    {
                        position++;
                    }

                    builder.Append(text[position++]);
                }

                if (position >= text.Length)
                {
                    return false;
                }

                position++;
                value = builder.ToString();
            }
            else
            {
                var end = text[position..].IndexOf(',');
                var raw = end < 0 ? text[position..] : text.Slice(position, end);
                value = raw.Trim().ToString();
                position += raw.Length;
            }

            values[name] = value;
        }

        return values.Count > 0;
    }

    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
