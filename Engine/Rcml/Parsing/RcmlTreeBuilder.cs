using System.Text;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Parsing;

/// <summary>
/// The second pass: turns the raw element tree into the typed AST, reporting what does not belong to the
/// vocabulary (unknown or misplaced elements, unknown attributes, values of the wrong kind). Semantics
/// (ranges, required content, combinations) are left to the validator. One instance per document.
/// </summary>
internal sealed partial class RcmlTreeBuilder(List<RcmlDiagnostic> diagnostics)
{
    /// <summary>Elements that have a diagnostic: schema messages about them add nothing and are dropped.</summary>
    public HashSet<SourceSpan> Anchors { get; } = [];

    /// <summary>Elements with an error: content that failed to parse is not reported again as missing.</summary>
    public HashSet<SourceSpan> ErrorOwners { get; } = [];

    /// <summary>Builds the document from a root element already known to be <c>&lt;Response&gt;</c>.</summary>
    public RcmlDocument BuildDocument(RawElement response)
    {
        var attributes = new ElementAttributes(response, this);
        var verbs = new List<RcmlVerb>();
        foreach (var node in response.Content)
        {
            switch (node)
            {
                case RawElement child when BuildVerb(child, response) is { } verb:
                    verbs.Add(verb);
                    break;
                case RawText { IsWhitespace: false } text when text.Text.AsSpan().Trim().Length > 0:
                    IgnoredText(response, text, "text outside a verb is not spoken; wrap it in <Say>");
                    break;
            }
        }

        return new RcmlDocument { Span = response.Span, Verbs = verbs, UnknownAttributes = attributes.Finish() };
    }

    public void Error(string code, SourceSpan span, RawElement owner, string message)
    {
        diagnostics.Add(RcmlDiagnostic.Error(code, span, message));
        Anchors.Add(owner.Span);
        ErrorOwners.Add(owner.Span);
    }

    public void Warning(string code, SourceSpan span, RawElement owner, string message)
    {
        diagnostics.Add(RcmlDiagnostic.Warning(code, span, message));
        Anchors.Add(owner.Span);
    }

    /// <summary>A verb, or null (reported) when the element is not one.</summary>
    private RcmlVerb? BuildVerb(RawElement element, RawElement parent) => element.Name switch
    {
        "Say" => BuildSay(element),
        "Play" => BuildPlay(element),
        "Pause" => BuildPause(element),
        "Gather" => BuildGather(element),
        "Record" => BuildRecord(element),
        "Dial" => BuildDial(element),
        "Redirect" => BuildRedirect(element),
        "Hangup" => BuildHangup(element),
        "Reject" => BuildReject(element),
        "Enqueue" => BuildEnqueue(element),
        "Leave" => BuildLeave(element),
        "Refer" => BuildRefer(element),
        "Start" => BuildStart(element),
        "Stop" => BuildStop(element),
        "Connect" => BuildConnect(element),
        _ => Unexpected<RcmlVerb>(element, "a verb", parent),
    };

    /// <summary>Reports an element that has no place where it stands, and everything below it; returns null.</summary>
    private T? Unexpected<T>(RawElement element, string expected, RawElement parent)
        where T : class
    {
        var name = element.Name;
        var where = $"in <{parent.Name}>";
        if (RcmlVocabulary.MessagingVerbs.Contains(name))
        {
            Error(RcmlDiagnosticCodes.MessagingVerb, element.Span, element,
                $"<{name}> is a messaging verb and has no meaning in a voice call; send messages through the messaging API");
        }
        else if (RcmlVocabulary.UnsupportedElements.TryGetValue(name, out var what))
        {
            Error(RcmlDiagnosticCodes.UnsupportedElement, element.Span, element, RcmlVocabulary.UnsupportedReasons.TryGetValue(name, out var why)
                ? $"<{name}> ({what}) is not supported by RcmlEngine: {why}"
                : $"<{name}> ({what}) is not implemented by RcmlEngine");
        }
        else if (RcmlVocabulary.IsKnown(name) || RcmlVocabulary.SsmlElements.Contains(name))
        {
            Error(RcmlDiagnosticCodes.MisplacedElement, element.Span, element, $"<{name}> cannot appear {where}: {Belonging(name)}; expected {expected}");
        }
        else
        {
            var candidates = RcmlVocabulary.Verbs.Concat(RcmlVocabulary.DialNouns).Concat(RcmlVocabulary.InnerElements);
            Error(RcmlDiagnosticCodes.UnknownElement, element.Span, element,
                $"<{name}> is not an RCML element; expected {expected} {where}.{Suggestions.Hint(name, candidates)}");
        }

        foreach (var descendant in element.DescendantsAndSelf())
        {
            Anchors.Add(descendant.Span);
        }

        // What the parent then lacks (a Dial whose only target was rejected) follows from this error.
        ErrorOwners.Add(parent.Span);
        return null;
    }

    private static string Belonging(string name) => name switch
    {
        "Response" => "<Response> is only the root element",
        "Video" => "<Video> belongs in <Client>, <Sip> or <Conference>",
        "Identity" => "<Identity> belongs in <Client>",
        "Parameter" => "<Parameter> belongs in <Client>, <Stream>, <Hangup> or <Reject>",
        "Stream" or "Transcription" => $"<{name}> is a noun of <Start>, <Stop> or <Connect>",
        "Recording" => "<Recording> is a noun of <Start>",
        _ when RcmlVocabulary.ForeignConnectNouns.ContainsKey(name) => $"<{name}> is a noun of <Connect>",
        _ when RcmlVocabulary.DialNouns.Contains(name) => $"<{name}> is a noun of <Dial>",
        _ when RcmlVocabulary.SsmlElements.Contains(name) => $"<{name}> is SSML and belongs in <Say>",
        _ => $"<{name}> is a verb and belongs in <Response>",
    };

    /// <summary>The element's character data, trimmed, and where its first non-blank character is.</summary>
    private static (string Text, SourceSpan Span) TextOf(RawElement element)
    {
        RawText? first = null;
        var runs = 0;
        foreach (var node in element.Content)
        {
            if (node is RawText text && !text.IsWhitespace)
            {
                first ??= text.Text.AsSpan().Trim().Length > 0 ? text : null;
                runs++;
            }
        }

        if (first is null)
        {
            return (string.Empty, element.Span);
        }

        var leading = first.Text.Length - first.Text.AsSpan().TrimStart().Length;
        var span = RcmlText.Advance(first.Span, first.Text, leading);
        if (runs == 1)
        {
            // The common case, one run of text: no copy beyond the trim.
            return (first.Text.Trim(), span);
        }

        var builder = new StringBuilder();
        foreach (var node in element.Content)
        {
            if (node is RawText text)
            {
                builder.Append(text.Text);
            }
        }

        return (builder.ToString().Trim(), span);
    }

    /// <summary>Reports non-blank text in an element that takes none.</summary>
    private void NoText(RawElement element)
    {
        foreach (var node in element.Content)
        {
            if (node is RawText { IsWhitespace: false } text && text.Text.AsSpan().Trim().Length > 0)
            {
                IgnoredText(element, text, $"<{element.Name}> takes no text");
                return;
            }
        }
    }

    private void IgnoredText(RawElement element, RawText text, string why)
    {
        var leading = text.Text.Length - text.Text.AsSpan().TrimStart().Length;
        Warning(RcmlDiagnosticCodes.IgnoredText, RcmlText.Advance(text.Span, text.Text, leading), element,
            $"'{RcmlText.Shorten(RcmlText.Fold(text.Text), 40)}' is ignored: {why}");
    }

    /// <summary>Reports every child element of an element that takes none.</summary>
    private void NoElements(RawElement element)
    {
        foreach (var node in element.Content)
        {
            if (node is RawElement child)
            {
                Unexpected<RawElement>(child, "no element", element);
            }
        }
    }

    /// <summary>Reads a URL from the element's text; reports it when it is not one.</summary>
    private Uri? UrlContent(RawElement element)
    {
        NoElements(element);
        var (text, span) = TextOf(element);
        if (text.Length == 0)
        {
            return null;
        }

        if (RcmlUrls.TryCreate(text, out var url))
        {
            return url;
        }

        Error(RcmlDiagnosticCodes.InvalidContent, span, element, $"<{element.Name}> holds '{RcmlText.Shorten(text)}', which is not a URL");
        return null;
    }
}
