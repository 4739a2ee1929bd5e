using System.Text.Json.Serialization;

namespace RcmlEngine.Rcml.Ast;

/// <summary>An element of an RCML document: the response, a verb or a noun.</summary>
internal abstract record RcmlNode
{
    /// <summary>Where the element's start tag begins.</summary>
    public SourceSpan Span { get; init; }

    /// <summary>Attributes outside the element's vocabulary, kept so that tools can report them.</summary>
    public IReadOnlyList<RcmlAttribute> UnknownAttributes { get; init; } = [];

    /// <summary>The element's name in RCML (<c>Say</c>, <c>Dial</c>, <c>Sip</c>...).</summary>
    [JsonIgnore]
    public abstract string ElementName { get; }
}
