using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Parsing;

/// <summary>An attribute as read, with a flag the builder sets once it has used it.</summary>
internal sealed class RawAttribute(string name, string value, SourceSpan span)
{
    /// <summary>The qualified name as written.</summary>
    public string Name { get; } = name;

    /// <summary>The value with surrounding whitespace trimmed (RCML is tolerant there, as Twilio is).</summary>
    public string Value { get; } = value;

    public SourceSpan Span { get; } = span;

    public bool Consumed { get; set; }
}
