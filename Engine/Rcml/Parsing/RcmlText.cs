using System.Text;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Parsing;

/// <summary>Text helpers: whitespace folding, quoting in messages, and positions inside text.</summary>
internal static class RcmlText
{
    /// <summary>Runs of whitespace become one space; leading and trailing whitespace goes.</summary>
    public static string Fold(string text)
    {
        if (IsFolded(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsFolded(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A value short enough to quote in a message.</summary>
    public static string Shorten(string text, int max = 60) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 3), "...");

    /// <summary>The position reached from <paramref name="start"/> after <paramref name="count"/> characters of <paramref name="text"/>.</summary>
    public static SourceSpan Advance(SourceSpan start, string text, int count)
    {
        var (line, column) = (start.Line, start.Column);
        for (var i = 0; i < count && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                (line, column) = (line + 1, 1);
            }
            else
            {
                column++;
            }
        }

        return new SourceSpan(line, column);
    }
}
