using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Parsing;

/// <summary>An element as read by the first pass: name, position, attributes, content and schema findings.</summary>
internal sealed class RawElement(string name, SourceSpan span) : RawNode
{
    private static readonly List<RawAttribute> NoAttributes = [];
    private static readonly List<RawNode> NoContent = [];

    private List<RawAttribute>? _attributes;
    private List<RawNode>? _content;

    /// <summary>The qualified name as written (<c>Say</c>, <c>say-as</c>, <c>amazon:effect</c>).</summary>
    public string Name { get; } = name;

    public SourceSpan Span { get; } = span;

    public IReadOnlyList<RawAttribute> Attributes => _attributes ?? NoAttributes;

    public IReadOnlyList<RawNode> Content => _content ?? NoContent;

    /// <summary>Schema validation messages raised while reading this element (its tag, attributes, text or end).</summary>
    public List<string>? SchemaIssues { get; private set; }

    /// <summary>False when the document ended (or broke) before this element's end tag.</summary>
    public bool IsComplete { get; set; }

    public void AddAttribute(RawAttribute attribute) => (_attributes ??= []).Add(attribute);

    public void AddContent(RawNode node) => (_content ??= []).Add(node);

    public void AddSchemaIssue(string message) => (SchemaIssues ??= []).Add(message);

    /// <summary>This element and every element below it.</summary>
    public IEnumerable<RawElement> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Content.OfType<RawElement>())
        {
            foreach (var descendant in child.DescendantsAndSelf())
            {
                yield return descendant;
            }
        }
    }
}
