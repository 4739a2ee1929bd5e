using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using RcmlEngine.Rcml;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Documents;

/// <summary>
/// A stand-in for the RCML parser until it is merged (then <c>RcmlParser</c> takes this seam): reads the
/// voice verbs and their main attributes with System.Xml (DTDs prohibited). Malformed XML, a root other
/// than <c>&lt;Response&gt;</c>, an unknown element or an unreadable value is an error diagnostic.
/// </summary>
internal sealed class InterimRcmlReader : IRcmlDocumentReader
{
    /// <inheritdoc />
    public RcmlReading Read(ReadOnlyMemory<byte> body)
    {
        XDocument xml;
        try
        {
            using var stream = new MemoryStream(body.ToArray());
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            xml = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            return Error(RcmlDiagnosticCodes.MalformedXml, new SourceSpan(exception.LineNumber, exception.LinePosition), exception.Message);
        }

        if (xml.Root is not { Name.LocalName: "Response" } root)
        {
            return Error(RcmlDiagnosticCodes.RootNotResponse, new SourceSpan(1, 1), "the root element is not <Response>");
        }

        try
        {
            return new RcmlReading(new RcmlDocument { Span = Span(root), Verbs = [.. root.Elements().Select(Verb)] }, []);
        }
        catch (InvalidRcmlException exception)
        {
            return Error(exception.Code, exception.Span, exception.Message);
        }
    }

    private static RcmlReading Error(string code, SourceSpan span, string message) =>
        new(null, [RcmlDiagnostic.Error(code, span, message)]);

    private static RcmlVerb Verb(XElement e) => e.Name.LocalName switch
    {
        "Say" => new SayVerb { Span = Span(e), Text = e.Value.Trim(), Voice = Text(e, "voice") ?? SayVerb.DefaultVoice, Language = Text(e, "language") ?? SayVerb.DefaultLanguage, Loop = Int(e, "loop") ?? 1 },
        "Play" => new PlayVerb { Span = Span(e), Url = Content(e), Digits = Text(e, "digits"), Loop = Int(e, "loop") ?? 1 },
        "Pause" => new PauseVerb { Span = Span(e), Length = Seconds(e, "length") ?? PauseVerb.DefaultLength },
        "Gather" => new GatherVerb
        {
            Span = Span(e),
            Action = Url(e, "action"),
            Method = Method(e),
            Timeout = Seconds(e, "timeout") ?? GatherVerb.DefaultTimeout,
            FinishOnKey = Text(e, "finishOnKey") ?? GatherVerb.DefaultFinishOnKey,
            NumDigits = Int(e, "numDigits"),
            Input = Text(e, "input")?.Contains("speech", StringComparison.Ordinal) == true ? GatherInput.Speech | GatherInput.Dtmf : GatherInput.Dtmf,
            ActionOnEmptyResult = Text(e, "actionOnEmptyResult") == "true",
            Children = [.. e.Elements().Select(Verb)],
        },
        "Record" => new RecordVerb
        {
            Span = Span(e),
            Action = Url(e, "action"),
            Method = Method(e),
            Timeout = Seconds(e, "timeout") ?? RecordVerb.DefaultTimeout,
            MaxLength = Seconds(e, "maxLength") ?? RecordVerb.DefaultMaxLength,
            FinishOnKey = Text(e, "finishOnKey") ?? RecordVerb.DefaultFinishOnKey,
            PlayBeep = Text(e, "playBeep") != "false",
            Trim = Text(e, "trim") == "do-not-trim" ? RecordingTrim.DoNotTrim : RecordingTrim.TrimSilence,
            RecordingStatusCallback = Url(e, "recordingStatusCallback"),
            RecordingStatusCallbackEvent = Text(e, "recordingStatusCallbackEvent") is { } events
                ? (events.Contains("completed", StringComparison.Ordinal) ? RecordingEvents.Completed : 0) | (events.Contains("absent", StringComparison.Ordinal) ? RecordingEvents.Absent : 0)
                : RecordingEvents.Completed,
        },
        "Redirect" => new RedirectVerb { Span = Span(e), Url = Content(e), Method = Method(e) },
        "Hangup" => new HangupVerb { Span = Span(e) },
        "Reject" => new RejectVerb { Span = Span(e), Reason = Text(e, "reason") == "busy" ? RejectReason.Busy : RejectReason.Rejected },
        "Dial" => new DialVerb { Span = Span(e), Number = e.Value.Trim() },
        "Enqueue" => new EnqueueVerb { Span = Span(e), QueueName = e.Value.Trim() },
        "Leave" => new LeaveVerb { Span = Span(e) },
        "Refer" => new ReferVerb { Span = Span(e) },
        _ => throw new InvalidRcmlException(RcmlDiagnosticCodes.UnknownElement, Span(e), $"<{e.Name.LocalName}> is not a voice verb"),
    };

    private static Uri? Content(XElement e) =>
        e.Value.Trim() is not { Length: > 0 } text ? null
        : Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var url) ? url
        : throw new InvalidRcmlException(RcmlDiagnosticCodes.InvalidContent, Span(e), $"<{e.Name.LocalName}>: '{text}' is not a URL");

    private static SourceSpan Span(XElement e) => e is IXmlLineInfo info ? new SourceSpan(info.LineNumber, info.LinePosition - 1) : SourceSpan.None; // XLinq points at the name, RCML spans at the "<"

    private static string? Text(XElement e, string name) => e.Attribute(name)?.Value;

    private static int? Int(XElement e, string name)
    {
        if (Text(e, name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidRcmlException(RcmlDiagnosticCodes.InvalidAttributeValue, Span(e), $"<{e.Name.LocalName} {name}=\"{text}\">: not a whole number");
    }

    private static TimeSpan? Seconds(XElement e, string name) => Int(e, name) is { } v ? TimeSpan.FromSeconds(v) : null;

    private static Uri? Url(XElement e, string name) =>
        Text(e, name) is not { } text ? null
        : Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var url) ? url
        : throw new InvalidRcmlException(RcmlDiagnosticCodes.InvalidAttributeValue, Span(e), $"<{e.Name.LocalName} {name}=\"{text}\">: not a URL");

    private static RcmlHttpMethod Method(XElement e) => Text(e, "method") == "GET" ? RcmlHttpMethod.Get : RcmlHttpMethod.Post;
}
