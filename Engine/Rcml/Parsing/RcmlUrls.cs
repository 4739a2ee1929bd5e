using System.Diagnostics.CodeAnalysis;

namespace RcmlEngine.Rcml.Parsing;

/// <summary>URLs as RCML writes them: absolute, or relative to the document's own URL.</summary>
internal static class RcmlUrls
{
    /// <summary>
    /// Reads a URL. A value with a scheme (<c>https:</c>) must be absolute; anything else is relative, even
    /// when it starts with <c>/</c> (which .NET on Unix would otherwise take for an absolute file path).
    /// An empty value gives an empty relative URL, which some attributes use to mean "none".
    /// </summary>
    public static bool TryCreate(string text, [NotNullWhen(true)] out Uri? url)
    {
        if (text.Length == 0)
        {
            url = new Uri(string.Empty, UriKind.Relative);
            return true;
        }

        return Uri.TryCreate(text, HasScheme(text) ? UriKind.Absolute : UriKind.Relative, out url);
    }

    /// <summary>RFC 3986 3.1: <c>scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )</c> then <c>:</c>.</summary>
    private static bool HasScheme(string text)
    {
        if (!char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text.AsSpan(1))
        {
            if (c == ':')
            {
                return true;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return false;
    }
}
