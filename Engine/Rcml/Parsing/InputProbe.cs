using System.Text;
using AngleSharp.Html.Parser;

namespace RcmlEngine.Rcml.Parsing;

/// <summary>
/// Looks at raw input when XML parsing failed or found no <c>&lt;Response&gt;</c>: is it an HTML page
/// (and what is its title), does it carry a DTD, is it blank. Used on the failure path only.
/// </summary>
internal static class InputProbe
{
    /// <summary>Decodes bytes as their BOM says, else as UTF-8 (invalid bytes become U+FFFD).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        return Encoding.UTF8.GetString(bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes);
    }

    /// <summary>The markup after the XML declaration, comments and processing instructions.</summary>
    public static ReadOnlySpan<char> AfterProlog(string text)
    {
        var rest = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        while (true)
        {
            var end = rest.StartsWith("<?") ? rest.IndexOf("?>") : rest.StartsWith("<!--") ? rest.IndexOf("-->") : -1;
            if (end < 0)
            {
                return rest;
            }

            rest = rest[(end + (rest[1] == '?' ? 2 : 3))..].TrimStart(" \t\r\n");
        }
    }

    /// <summary>Where the DOCTYPE declaration is (an index in <paramref name="text"/>) when one comes before the first element.</summary>
    public static int? DoctypeAt(string text)
    {
        var rest = AfterProlog(text);
        return rest.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) ? text.Length - rest.Length : null;
    }

    /// <summary>True when the text is an HTML page: an HTML doctype or an <c>&lt;html&gt;</c> element up front.</summary>
    public static bool IsHtml(string text)
    {
        var start = AfterProlog(text);
        if (start.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            return start["<!DOCTYPE".Length..].TrimStart().StartsWith("html", StringComparison.OrdinalIgnoreCase);
        }

        var head = start[..Math.Min(start.Length, 1024)];
        return head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<head", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The page's <c>&lt;title&gt;</c>, whitespace folded; null when it has none.</summary>
    public static string? HtmlTitle(string text)
    {
        var title = new HtmlParser().ParseDocument(text).Title;
        return string.IsNullOrWhiteSpace(title) ? null : RcmlText.Fold(title);
    }
}
