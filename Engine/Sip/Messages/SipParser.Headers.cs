using System.Text;

namespace RcmlEngine.Sip.Messages;

internal static partial class SipParser
{
    /// <summary>
    /// Splits the header section into lines, unfolding continuation lines (RFC 3261 7.3.1: a line
    /// starting with SP or HT continues the previous one and the fold is replaced by one SP).
    /// </summary>
    private static bool ReadHeaders(string text, int start, SipHeaderCollection headers, out string where, out string error)
    {
        where = string.Empty;
        error = string.Empty;
        string? name = null;
        var valueStart = 0;
        var valueEnd = 0;
        StringBuilder? folded = null;
        var position = start;
        while (position < text.Length)
        {
            var newline = text.IndexOf('\n', position);
            var end = newline < 0 ? text.Length : newline;
            var lineEnd = end > position && text[end - 1] == '\r' ? end - 1 : end;
            var next = newline < 0 ? text.Length : newline + 1;
            if (lineEnd == position)
            {
                position = next;
                continue;
            }

            if (SipGrammar.IsWhitespace(text[position]))
            {
                if (name is null)
                {
                    where = "headers";
                    error = "the first header line starts with whitespace";
                    return false;
                }

                var piece = text.AsSpan(position, lineEnd - position).Trim(" \t");
                if (!piece.IsEmpty)
                {
                    folded ??= new StringBuilder().Append(text.AsSpan(valueStart, valueEnd - valueStart));
                    if (folded.Length > 0)
                    {
                        folded.Append(' ');
                    }

                    folded.Append(piece);
                }

                position = next;
                continue;
            }

            if (name is not null)
            {
                headers.AddParsed(new SipHeader(name, folded?.ToString() ?? text[valueStart..valueEnd]));
            }

            var colon = text.IndexOf(':', position, lineEnd - position);
            if (colon < 0)
            {
                where = "headers";
                error = $"line '{Clip(text.AsSpan(position, lineEnd - position))}' has no ':'";
                return false;
            }

            var rawName = text.AsSpan(position, colon - position).TrimEnd(" \t");
            if (!SipGrammar.IsToken(rawName))
            {
                where = "headers";
                error = $"header name '{Clip(rawName)}' is not a token";
                return false;
            }

            name = SipHeaderNames.Canonicalize(rawName);
            valueStart = colon + 1;
            while (valueStart < lineEnd && SipGrammar.IsWhitespace(text[valueStart]))
            {
                valueStart++;
            }

            valueEnd = lineEnd;
            while (valueEnd > valueStart && SipGrammar.IsWhitespace(text[valueEnd - 1]))
            {
                valueEnd--;
            }

            folded = null;
            position = next;
        }

        if (name is not null)
        {
            headers.AddParsed(new SipHeader(name, folded?.ToString() ?? text[valueStart..valueEnd]));
        }

        return true;
    }
}
