using System.Buffers;

namespace RcmlEngine.Sip.Messages;

/// <summary>Character classes and small lexical helpers of the RFC 3261 section 25 ABNF.</summary>
internal static class SipGrammar
{
    private static readonly bool[] TokenChars = BuildTokenChars();

    /// <summary>RFC 3261 25.1 token characters, for vectorized checks.</summary>
    public static readonly SearchValues<char> Token = SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-.!%*_+`'~");

    /// <summary>RFC 3261 25.1 <c>user</c>: unreserved, escaped and user-unreserved characters.</summary>
    public static readonly SearchValues<char> UserChars = SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.!~*'()%&=+$,;?/");

    /// <summary>RFC 3261 25.1 <c>paramchar</c>.</summary>
    public static readonly SearchValues<char> ParamChars = SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.!~*'()%[]/:&+$");

    /// <summary>Hostname characters (with '_', seen in the wild).</summary>
    public static readonly SearchValues<char> HostChars = SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-._");

    /// <summary>Characters no URI may hold: controls, space, angle brackets, double quote, DEL.</summary>
    public static readonly SearchValues<char> NotInUri = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f <>\"\u007f");

    /// <summary>RFC 3261 25.1 <c>token</c>: alphanum and <c>-.!%*_+`'~</c>.</summary>
    public static bool IsTokenChar(char c) => c < 128 && TokenChars[c];

    public static bool IsToken(ReadOnlySpan<char> text)
    {
        return !text.IsEmpty && !text.ContainsAnyExcept(Token);
    }

    public static bool IsWhitespace(char c) => c is ' ' or '\t';

    /// <summary>RFC 3261 25.1 <c>word</c> characters (Call-ID): token chars and <c>()&lt;&gt;:\"/[]?{}</c>.</summary>
    public static bool IsWordChar(char c) => IsTokenChar(c) || c is '(' or ')' or '<' or '>' or ':' or '\\' or '"' or '/' or '[' or ']' or '?' or '{' or '}';

    /// <summary>Skips spaces and tabs from <paramref name="position"/>.</summary>
    public static int SkipWhitespace(ReadOnlySpan<char> text, int position)
    {
        while (position < text.Length && IsWhitespace(text[position]))
        {
            position++;
        }

        return position;
    }

    /// <summary>
    /// Reads a quoted-string starting at the opening quote; returns the unescaped content and moves
    /// <paramref name="position"/> past the closing quote, or false when the string never closes.
    /// </summary>
    public static bool TryReadQuoted(ReadOnlySpan<char> text, ref int position, out string value)
    {
        value = string.Empty;
        if (position >= text.Length || text[position] != '"')
        {
            return false;
        }

        // Most quoted strings hold no escapes: take them as they are.
        var plainEnd = text[(position + 1)..].IndexOfAny('"', '\\');
        if (plainEnd >= 0 && text[position + 1 + plainEnd] == '"')
        {
            value = text.Slice(position + 1, plainEnd).ToString();
            position += plainEnd + 2;
            return true;
        }

        var builder = new System.Text.StringBuilder();
        for (var i = position + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                // RFC 3261 25.1 quoted-pair: any octet but CR and LF may follow the backslash.
                if (i + 1 >= text.Length || text[i + 1] is '\r' or '\n')
                {
                    return false;
                }

                builder.Append(text[++i]);
            }
            else if (c == '"')
            {
                position = i + 1;
                value = builder.ToString();
                return true;
            }
            else
            {
                builder.Append(c);
            }
        }

        return false;
    }

    /// <summary>
    /// Index of <paramref name="separator"/> at or after <paramref name="start"/> that is outside
    /// quoted strings and angle brackets; -1 when absent or when a quote never closes (-2).
    /// </summary>
    public static int IndexOfUnquoted(ReadOnlySpan<char> text, char separator, int start)
    {
        var inQuotes = false;
        var inAngle = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }

                continue;
            }

            if (c == separator && !inAngle)
            {
                return i;
            }

            if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == '<')
            {
                inAngle = true;
            }
            else if (c == '>')
            {
                inAngle = false;
            }
        }

        return inQuotes ? -2 : -1;
    }

    /// <summary>
    /// Splits a list header value (RFC 3261 7.3.1) at commas outside quotes and angle brackets.
    /// Returns false when a quoted string never closes or an element is empty.
    /// </summary>
    public static bool TrySplitList(string value, List<string> items)
    {
        var start = 0;
        while (true)
        {
            var comma = IndexOfUnquoted(value, ',', start);
            if (comma == -2)
            {
                return false;
            }

            var end = comma < 0 ? value.Length : comma;
            var item = value.AsSpan(start, end - start).Trim(" \t");
            if (item.IsEmpty)
            {
                return false;
            }

            items.Add(item.Length == value.Length ? value : item.ToString());
            if (comma < 0)
            {
                return true;
            }

            start = comma + 1;
        }
    }

    /// <summary>Parses an unsigned decimal of at most <paramref name="max"/>; false on overflow or non-digits.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, long max, out long value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
            if (value > max)
            {
                return false;
            }
        }

        return true;
    }

    private static bool[] BuildTokenChars()
    {
        var table = new bool[128];
        for (var c = '0'; c <= '9'; c++)
        {
            table[c] = true;
        }

        for (var c = 'a'; c <= 'z'; c++)
        {
            table[c] = true;
            table[char.ToUpperInvariant(c)] = true;
        }

        foreach (var c in "-.!%*_+`'~")
        {
            table[c] = true;
        }

        return table;
    }
}
