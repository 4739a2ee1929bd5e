namespace RcmlEngine.Rcml.Ast;

/// <summary>Text inside <c>&lt;Say&gt;</c> markup, as written (whitespace kept).</summary>
/// <param name="Text">The characters.</param>
internal sealed record SsmlText(string Text) : SsmlNode;
