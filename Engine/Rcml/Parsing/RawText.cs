using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Parsing;

/// <summary>A run of character data (text or CDATA) and where it starts.</summary>
internal sealed class RawText(string text, SourceSpan span, bool isWhitespace) : RawNode
{
    /// <summary>Whitespace between elements: its exact characters never matter, so one instance stands for all.</summary>
    public static readonly RawText Whitespace = new(" ", SourceSpan.None, isWhitespace: true);

    public string Text { get; } = text;

    public SourceSpan Span { get; } = span;

    public bool IsWhitespace { get; } = isWhitespace;
}
