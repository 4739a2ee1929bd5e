using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Parsing;

/// <summary><c>&lt;Start&gt;</c>, <c>&lt;Stop&gt;</c>, <c>&lt;Connect&gt;</c> and their nouns.</summary>
internal sealed partial class RcmlTreeBuilder
{
    private const string StartNouns = "a noun of <Start> (Stream, Transcription, Recording)";
    private const string StopNouns = "a noun of <Stop> (Stream, Transcription)";
    private const string ConnectNouns = "a noun of <Connect> (Stream, or a Twilio service noun such as ConversationRelay)";

    // The nouns <paramref name="build"/> makes of the element children (null: reported and left out).
    private static List<RcmlNoun> ChildNouns(RawElement element, Func<RawElement, RcmlNoun?> build)
    {
        var nouns = new List<RcmlNoun>();
        foreach (var node in element.Content)
        {
            if (node is RawElement child && build(child) is { } noun)
            {
                nouns.Add(noun);
            }
        }

        return nouns;
    }

    private StartVerb BuildStart(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        NoText(element);
        var nouns = ChildNouns(element, child => child.Name switch
        {
            "Stream" => BuildStream(child),
            "Transcription" => BuildTranscription(child),
            "Recording" => BuildStartRecording(child),
            _ => Unexpected<RcmlNoun>(child, StartNouns, element),
        });

        return new StartVerb
        {
            Span = element.Span,
            Nouns = nouns,
            Action = a.Url("action"),
            Method = a.Method() ?? RcmlHttpMethod.Post,
            UnknownAttributes = a.Finish(),
        };
    }

    private StopVerb BuildStop(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        NoText(element);
        var nouns = ChildNouns(element, child => child.Name switch
        {
            "Stream" => BuildStream(child),
            "Transcription" => BuildTranscription(child),
            _ => Unexpected<RcmlNoun>(child, StopNouns, element),
        });

        return new StopVerb { Span = element.Span, Nouns = nouns, UnknownAttributes = a.Finish() };
    }

    private ConnectVerb BuildConnect(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        NoText(element);
        var nouns = ChildNouns(element, child => child.Name switch
        {
            "Stream" => BuildStream(child),
            _ when RcmlVocabulary.ForeignConnectNouns.TryGetValue(child.Name, out var product) => BuildForeign(child, product),
            _ => Unexpected<RcmlNoun>(child, ConnectNouns, element),
        });

        return new ConnectVerb
        {
            Span = element.Span,
            Nouns = nouns,
            Action = a.Url("action"),
            Method = a.Method() ?? RcmlHttpMethod.Post,
            UnknownAttributes = a.Finish(),
        };
    }

    private StreamNoun BuildStream(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        NoText(element);
        return new StreamNoun
        {
            Span = element.Span,
            Url = a.Url("url"),
            Name = a.String("name"),
            Track = a.Word("track", RcmlValues.StreamTracks) ?? StreamTrack.InboundTrack,
            StatusCallback = a.Url("statusCallback"),
            StatusCallbackMethod = a.Method("statusCallbackMethod") ?? RcmlHttpMethod.Post,
            Parameters = Parameters(element),
            UnknownAttributes = a.Finish(),
        };
    }

    private TranscriptionNoun BuildTranscription(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        NoText(element);
        return new TranscriptionNoun
        {
            Span = element.Span,
            Name = a.String("name"),
            Track = a.Word("track", RcmlValues.StreamTracks) ?? StreamTrack.InboundTrack,
            StatusCallbackUrl = a.Url("statusCallbackUrl"),
            StatusCallbackMethod = a.Method("statusCallbackMethod") ?? RcmlHttpMethod.Post,
            LanguageCode = a.String("languageCode") ?? "en-US",
            TranscriptionEngine = a.String("transcriptionEngine"),
            SpeechModel = a.String("speechModel"),
            Hints = a.String("hints"),
            PartialResults = a.Bool("partialResults") ?? false,
            EnableAutomaticPunctuation = a.Bool("enableAutomaticPunctuation") ?? true,
            ProfanityFilter = a.Bool("profanityFilter") ?? true,
            InboundTrackLabel = a.String("inboundTrackLabel"),
            OutboundTrackLabel = a.String("outboundTrackLabel"),
            IntelligenceService = a.String("intelligenceService"),
            Parameters = Parameters(element),
            UnknownAttributes = a.Finish(),
        };
    }

    private StartRecordingNoun BuildStartRecording(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        NoElements(element);
        NoText(element);
        return new StartRecordingNoun
        {
            Span = element.Span,
            RecordingStatusCallback = a.Url("recordingStatusCallback"),
            RecordingStatusCallbackMethod = a.Method("recordingStatusCallbackMethod") ?? RcmlHttpMethod.Post,
            RecordingStatusCallbackEvent = a.Words("recordingStatusCallbackEvent", RcmlValues.Recording) ?? RecordingEvents.Completed,
            Trim = a.Word("trim", RcmlValues.Trims) ?? RecordingTrim.DoNotTrim,
            Track = a.String("track"),
            Channels = a.String("channels"),
            UnknownAttributes = a.Finish(),
        };
    }

    // Attributes and content are Twilio's to define: kept as written, reported only when it runs.
    private static ForeignNoun BuildForeign(RawElement element, string product)
    {
        var kept = new List<RcmlAttribute>();
        foreach (var attribute in element.Attributes)
        {
            attribute.Consumed = true;
            kept.Add(new RcmlAttribute(attribute.Name, attribute.Value, attribute.Span));
        }

        return new ForeignNoun { Span = element.Span, Name = element.Name, Product = product, UnknownAttributes = kept };
    }

    /// <summary>The <c>&lt;Parameter name value/&gt;</c> children; any other child element is reported.</summary>
    private List<KeyValuePair<string, string>> Parameters(RawElement element)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var node in element.Content)
        {
            switch (node)
            {
                case RawElement { Name: "Parameter" } child:
                    var p = new ElementAttributes(child, this);
                    NoElements(child);
                    NoText(child);
                    var name = p.String("name");
                    if (string.IsNullOrEmpty(name))
                    {
                        Error(RcmlDiagnosticCodes.MissingContent, child.Span, child, $"<Parameter> in <{element.Name}> needs a name");
                    }

                    parameters.Add(new(name ?? string.Empty, p.String("value") ?? string.Empty));
                    p.Finish();
                    break;
                case RawElement child:
                    Unexpected<RawElement>(child, "<Parameter>", element);
                    break;
            }
        }

        return parameters;
    }
}
