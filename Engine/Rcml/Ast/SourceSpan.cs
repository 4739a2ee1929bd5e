namespace RcmlEngine.Rcml.Ast;

/// <summary>
/// Where a node starts in its document: 1-based line and column. For an element, the column of its
/// <c>&lt;</c>; for an attribute, of its name; for text, of its first character.
/// </summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column number.</param>
internal readonly record struct SourceSpan(int Line, int Column)
{
    /// <summary>No position (a node built in code rather than parsed).</summary>
    public static SourceSpan None => default;

    /// <summary><c>line:column</c>.</summary>
    public override string ToString() => $"{Line}:{Column}";
}
