using RcmlEngine.Rcml.Ast;
using RcmlEngine.Rcml.Validation;

namespace RcmlEngine.Rcml.Parsing;

/// <summary>
/// One document's trip through the passes: raw XML tree, typed AST, validator, then the schema's own
/// findings for the elements nothing else reported. Turns input failures into diagnostics.
/// </summary>
internal sealed class RcmlParseSession(RcmlParserOptions options, Func<string> text)
{
    private readonly List<RcmlDiagnostic> _diagnostics = [];
    private string? _input;

    public RawTreeReader Reader { get; } = new(options);

    /// <summary>The input as text, decoded only on the failure paths that need it.</summary>
    private string Input => _input ??= text();

    public RcmlParseResult Complete()
    {
        var root = Reader.Root;
        if (IsHtmlPage(root))
        {
            ReportHtml(Input);
            return Result(null);
        }

        ReportInputFailure();
        if (root is null)
        {
            if (Reader.XmlError is null && Reader.TooDeepAt is null)
            {
                _diagnostics.Add(RcmlDiagnostic.Error(RcmlDiagnosticCodes.EmptyDocument, new(1, 1), "the document holds no element; expected <Response>"));
            }

            return Result(null);
        }

        if (root.Name != "Response")
        {
            var hint = string.Equals(root.Name, "Response", StringComparison.OrdinalIgnoreCase) ? " (RCML names are case-sensitive)"
                : "." + Suggestions.Hint(root.Name, ["Response"]);
            _diagnostics.Add(RcmlDiagnostic.Error(RcmlDiagnosticCodes.RootNotResponse, root.Span,
                $"the root element is <{root.Name}>; an RCML document is a <Response>{hint}"));
            return Result(null);
        }

        var builder = new RcmlTreeBuilder(_diagnostics);
        var document = builder.BuildDocument(root);
        var anchors = builder.Anchors;
        if (options.Validate && Reader.Completed)
        {
            var found = new List<RcmlDiagnostic>();
            RcmlValidator.Validate(document, found);
            foreach (var diagnostic in found)
            {
                // An element whose content failed to parse was reported as invalid; "missing" would repeat it.
                if (diagnostic.Code != RcmlDiagnosticCodes.MissingContent || !builder.ErrorOwners.Contains(diagnostic.Span))
                {
                    _diagnostics.Add(diagnostic);
                    anchors.Add(diagnostic.Span);
                }
            }
        }

        foreach (var element in Reader.ElementsWithSchemaIssues)
        {
            if (!anchors.Contains(element.Span))
            {
                _diagnostics.Add(RcmlDiagnostic.Warning(RcmlDiagnosticCodes.SchemaViolation, element.Span,
                    $"schemas/rcml.xsd: {element.SchemaIssues![0]}"));
            }
        }

        return Result(document);
    }

    private RcmlParseResult Result(RcmlDocument? document) =>
        new(document, _diagnostics.Count == 0 ? [] : _diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToArray());

    /// <summary>An HTML page: an &lt;html&gt; root, or input the XML reader gave up on before any element that looks like HTML.</summary>
    private bool IsHtmlPage(RawElement? root) =>
        root is null
            ? Reader.XmlError is not null && InputProbe.IsHtml(Input)
            : string.Equals(root.Name, "html", StringComparison.OrdinalIgnoreCase);

    private void ReportInputFailure()
    {
        if (Reader.TooDeepAt is { } deep)
        {
            _diagnostics.Add(RcmlDiagnostic.Error(RcmlDiagnosticCodes.NestingTooDeep, deep,
                $"elements are nested more than {options.MaxDepth} deep; the rest of the document is not read"));
        }

        if (Reader.XmlError is not { } error)
        {
            return;
        }

        var input = Input;
        var at = new SourceSpan(Math.Max(1, error.LineNumber), Math.Max(1, error.LinePosition));
        if (input.AsSpan().Trim("\uFEFF \t\r\n").IsEmpty)
        {
            _diagnostics.Add(RcmlDiagnostic.Error(RcmlDiagnosticCodes.EmptyDocument, new(1, 1), "the document is empty; expected <Response>"));
        }
        else if (Reader.Root is null && InputProbe.DoctypeAt(input) is { } doctype)
        {
            _diagnostics.Add(RcmlDiagnostic.Error(RcmlDiagnosticCodes.DtdProhibited, RcmlText.Advance(new(1, 1), input, doctype),
                "the document has a DTD (<!DOCTYPE ...>); RCML takes none, and DTDs are never processed (no entities are expanded)"));
        }
        else
        {
            _diagnostics.Add(RcmlDiagnostic.Error(RcmlDiagnosticCodes.MalformedXml, at,
                $"not well-formed XML: {WithoutPosition(error.Message)}"));
        }
    }

    private void ReportHtml(string input)
    {
        var title = InputProbe.HtmlTitle(input);
        var quoted = title is null ? "without a title" : $"titled \"{RcmlText.Shorten(title, 120)}\"";
        _diagnostics.Add(RcmlDiagnostic.Error(RcmlDiagnosticCodes.HtmlInsteadOfRcml, new(1, 1),
            $"expected RCML but got an HTML page {quoted}; the application probably failed (see its logs)"));
    }

    /// <summary>XmlException messages end with " Line 3, position 7."; the diagnostic carries the position already.</summary>
    private static string WithoutPosition(string message)
    {
        var at = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return at > 0 && message.EndsWith('.') && message.AsSpan(at).Contains(", position ", StringComparison.Ordinal)
            ? message[..at]
            : message;
    }
}
