namespace RcmlEngine.Rcml.Ast;

/// <summary>An attribute as written: used for attributes outside the vocabulary and for SSML markup.</summary>
/// <param name="Name">The attribute's qualified name as written (<c>xml:lang</c>, <c>timout</c>).</param>
/// <param name="Value">Its value.</param>
/// <param name="Span">Where its name starts.</param>
internal sealed record RcmlAttribute(string Name, string Value, SourceSpan Span);
