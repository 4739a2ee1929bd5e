using System.Xml;
using System.Xml.Schema;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Parsing;

/// <summary>
/// The first pass: reads XML into a <see cref="RawElement"/> tree with positions, checking the schema on
/// the way and attaching each schema message to the element it concerns. Stops at the first XML error
/// (keeping what was read) and at the nesting cap. One instance per document.
/// </summary>
internal sealed class RawTreeReader
{
    /// <summary>
    /// The namespace given to the <c>amazon:</c> prefix, which Twilio's SSML uses (<c>&lt;amazon:effect&gt;</c>)
    /// without declaring it; pre-declaring it keeps such documents well-formed for a namespace-aware reader.
    /// </summary>
    public const string AmazonSsmlNamespace = "urn:rcmlengine:amazon-ssml";

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";
    private const string SchemaInstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    private readonly RcmlParserOptions _options;
    private readonly List<string> _pendingSchemaIssues = [];
    private readonly Stack<RawElement> _open = new();

    public RawTreeReader(RcmlParserOptions options) => _options = options;

    /// <summary>The root element, complete or not; null when none was read.</summary>
    public RawElement? Root { get; private set; }

    /// <summary>The XML error that stopped reading, if any.</summary>
    public XmlException? XmlError { get; private set; }

    /// <summary>Where the nesting cap stopped reading, if it did.</summary>
    public SourceSpan? TooDeepAt { get; private set; }

    /// <summary>True when the input was read to its end without an XML error.</summary>
    public bool Completed => XmlError is null && TooDeepAt is null;

    /// <summary>Elements that received schema messages.</summary>
    public List<RawElement> ElementsWithSchemaIssues { get; } = [];

    public void Read(Stream input) => Read(settings => XmlReader.Create(input, settings, CreateContext()));

    public void Read(TextReader input) => Read(settings => XmlReader.Create(input, settings, CreateContext()));

    private void Read(Func<XmlReaderSettings, XmlReader> open)
    {
        // Fresh settings per document: the handler is this document's (and a cloned settings object
        // silently drops handlers added to it).
        var settings = CreateSettings(_options.CheckSchema);
        settings.MaxCharactersInDocument = _options.MaxDocumentBytes;
        if (_options.CheckSchema)
        {
            settings.ValidationEventHandler += OnSchemaIssue;
        }

        try
        {
            using var reader = open(settings);
            ReadNodes(reader, (IXmlLineInfo)reader);
        }
        catch (XmlException e)
        {
            XmlError = e;
        }
    }

    private void ReadNodes(XmlReader reader, IXmlLineInfo position)
    {
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth >= _options.MaxDepth)
                    {
                        TooDeepAt = new SourceSpan(position.LineNumber, Math.Max(1, position.LinePosition - 1));
                        return;
                    }

                    OpenElement(reader, position);
                    break;
                case XmlNodeType.EndElement:
                    var closed = _open.Pop();
                    closed.IsComplete = true;
                    AttachPendingIssues(closed);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    if (_open.TryPeek(out var parent))
                    {
                        parent.AddContent(new RawText(reader.Value, new SourceSpan(position.LineNumber, position.LinePosition), isWhitespace: false));
                        AttachPendingIssues(parent);
                    }

                    break;
                case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    // Whitespace separates words inside <Say>; elsewhere the builder ignores it.
                    if (_open.TryPeek(out var container))
                    {
                        container.AddContent(RawText.Whitespace);
                    }

                    break;
            }
        }
    }

    private void OpenElement(XmlReader reader, IXmlLineInfo position)
    {
        var element = new RawElement(reader.Name, new SourceSpan(position.LineNumber, Math.Max(1, position.LinePosition - 1)));
        while (reader.MoveToNextAttribute())
        {
            // Namespace declarations and xsi:noNamespaceSchemaLocation (editor hints) are not RCML attributes.
            if (reader.NamespaceURI is XmlnsNamespace or SchemaInstanceNamespace)
            {
                continue;
            }

            element.AddAttribute(new RawAttribute(reader.Name, reader.Value.Trim(), new SourceSpan(position.LineNumber, position.LinePosition)));
        }

        reader.MoveToElement();
        AttachPendingIssues(element);
        if (_open.TryPeek(out var parent))
        {
            parent.AddContent(element);
        }
        else
        {
            Root ??= element;
        }

        if (reader.IsEmptyElement)
        {
            element.IsComplete = true;
        }
        else
        {
            _open.Push(element);
        }
    }

    private void OnSchemaIssue(object? sender, ValidationEventArgs e)
    {
        if (e.Severity == XmlSeverityType.Error)
        {
            _pendingSchemaIssues.Add(e.Message);
        }
    }

    private void AttachPendingIssues(RawElement element)
    {
        if (_pendingSchemaIssues.Count == 0)
        {
            return;
        }

        if (element.SchemaIssues is null)
        {
            ElementsWithSchemaIssues.Add(element);
        }

        foreach (var issue in _pendingSchemaIssues)
        {
            element.AddSchemaIssue(issue);
        }

        _pendingSchemaIssues.Clear();
    }

    private static XmlParserContext CreateContext()
    {
        var names = new NameTable();
        var namespaces = new XmlNamespaceManager(names);
        namespaces.AddNamespace("amazon", AmazonSsmlNamespace);
        return new XmlParserContext(names, namespaces, null, XmlSpace.None);
    }

    private static XmlReaderSettings CreateSettings(bool checkSchema)
    {
        var settings = new XmlReaderSettings
        {
            // DTDs are never processed: a DOCTYPE stops the reader at once (no entity expansion, no fetch).
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = false,
            CloseInput = false,
        };
        if (checkSchema)
        {
            settings.ValidationType = ValidationType.Schema;
            settings.Schemas = RcmlSchema.Set;

            // No inline schemas and no xsi:schemaLocation fetching: only the embedded schema counts.
            settings.ValidationFlags = XmlSchemaValidationFlags.AllowXmlAttributes;
        }

        return settings;
    }
}
