namespace RcmlEngine.Rcml.Ast;

/// <summary>An SSML element inside <c>&lt;Say&gt;</c> (<c>break</c>, <c>prosody</c>, <c>say-as</c>...), kept for the synthesizer.</summary>
/// <param name="Name">The element's qualified name as written.</param>
/// <param name="Attributes">Its attributes as written.</param>
/// <param name="Children">Its content.</param>
/// <param name="Span">Where its start tag begins.</param>
internal sealed record SsmlElement(
    string Name,
    IReadOnlyList<RcmlAttribute> Attributes,
    IReadOnlyList<SsmlNode> Children,
    SourceSpan Span) : SsmlNode;
