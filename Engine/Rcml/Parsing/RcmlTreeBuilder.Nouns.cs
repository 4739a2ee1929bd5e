using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Parsing;

internal sealed partial class RcmlTreeBuilder
{
    /// <summary>A noun of <c>&lt;Dial&gt;</c> or <c>&lt;Refer&gt;</c>, or null (reported) when the element is not one.</summary>
    private RcmlNoun? BuildNoun(RawElement element, RawElement parent) => element.Name switch
    {
        "Number" => BuildNumber(element),
        "Sip" => BuildSip(element),
        "Client" => BuildClient(element),
        "Conference" => BuildConference(element),
        "Queue" => BuildQueue(element),
        _ => Unexpected<RcmlNoun>(element, "a noun (Number, Sip, Client, Conference, Queue)", parent),
    };

    private NumberNoun BuildNumber(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        NoElements(element);
        return new NumberNoun
        {
            Span = element.Span,
            PhoneNumber = TextOf(element).Text,
            SendDigits = a.String("sendDigits"),
            Url = a.Url("url"),
            Method = a.Method() ?? RcmlHttpMethod.Post,
            StatusCallbackEvent = a.Words("statusCallbackEvent", RcmlValues.CallProgress) ?? CallProgressEvents.Completed,
            StatusCallback = a.Url("statusCallback"),
            StatusCallbackMethod = a.Method("statusCallbackMethod") ?? RcmlHttpMethod.Post,
            UnknownAttributes = a.Finish(),
        };
    }

    private SipNoun BuildSip(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        var video = SingleVideo(element);
        var (text, span) = TextOf(element);

        // Restcomm writes the URI in 'name' when a <Video> is nested; the text wins when both are there.
        var name = a.String("name");
        if (text.Length == 0 && name is not null)
        {
            (text, span) = (name, element.Attributes.First(x => x.Name == "name").Span);
        }

        RcmlSipUri? uri = null;
        if (text.Length > 0 && !RcmlSipUri.TryParse(text, out uri, out var error) && !TryWithoutScheme(text, span, element, out uri))
        {
            Error(RcmlDiagnosticCodes.InvalidContent, span, element, $"<Sip> holds an invalid SIP URI: {error}");
        }

        return new SipNoun
        {
            Span = element.Span,
            Uri = uri,
            Username = a.String("username"),
            Password = a.String("password"),
            Url = a.Url("url"),
            Method = a.Method() ?? RcmlHttpMethod.Post,
            StatusCallbackEvent = a.Words("statusCallbackEvent", RcmlValues.CallProgress) ?? CallProgressEvents.Completed,
            StatusCallback = a.Url("statusCallback"),
            StatusCallbackMethod = a.Method("statusCallbackMethod") ?? RcmlHttpMethod.Post,
            Video = video,
            UnknownAttributes = a.Finish(),
        };
    }

    private ClientNoun BuildClient(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        VideoNoun? video = null;
        string? identity = null;
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var node in element.Content)
        {
            switch (node)
            {
                case RawElement { Name: "Identity" } child:
                    NoElements(child);
                    new ElementAttributes(child, this).Finish();
                    identity = TextOf(child).Text;
                    break;
                case RawElement { Name: "Parameter" } child:
                    parameters.Add(BuildParameter(child));
                    break;
                case RawElement { Name: "Video" } child when video is null:
                    video = BuildVideo(child);
                    break;
                case RawElement child:
                    Unexpected<RawElement>(child, "<Identity>, <Parameter> or <Video>", element);
                    break;
            }
        }

        var text = TextOf(element).Text;
        var name = a.String("name");
        return new ClientNoun
        {
            Span = element.Span,
            Identity = text.Length > 0 ? text : identity ?? name ?? string.Empty,
            Parameters = parameters,
            Url = a.Url("url"),
            Method = a.Method() ?? RcmlHttpMethod.Post,
            StatusCallbackEvent = a.Words("statusCallbackEvent", RcmlValues.CallProgress) ?? CallProgressEvents.Completed,
            StatusCallback = a.Url("statusCallback"),
            StatusCallbackMethod = a.Method("statusCallbackMethod") ?? RcmlHttpMethod.Post,
            Video = video,
            UnknownAttributes = a.Finish(),
        };
    }

    private ConferenceNoun BuildConference(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        var video = SingleVideo(element);
        var text = TextOf(element).Text;

        // Restcomm names the room in 'name'; TwiML in the text, which wins when both are there.
        var name = a.String("name");
        if (text.Length > 0 && name is not null)
        {
            Warning(RcmlDiagnosticCodes.IneffectiveAttribute, element.Attributes.First(x => x.Name == "name").Span, element,
                $"<Conference> name=\"{RcmlText.Shorten(name)}\" is ignored: the room is named by the text '{RcmlText.Shorten(text)}'");
        }

        return new ConferenceNoun
        {
            Span = element.Span,
            Name = text.Length > 0 ? text : name ?? string.Empty,
            Muted = a.Bool("muted") ?? false,
            Beep = a.Word("beep", RcmlValues.Beeps) ?? ConferenceBeep.Always,
            StartConferenceOnEnter = a.Bool("startConferenceOnEnter") ?? true,
            EndConferenceOnExit = a.Bool("endConferenceOnExit") ?? false,
            WaitUrl = a.Url("waitUrl", keepEmpty: true),
            WaitMethod = a.Method("waitMethod") ?? RcmlHttpMethod.Post,
            MaxParticipants = a.Integer("maxParticipants") ?? ConferenceNoun.DefaultMaxParticipants,
            Record = a.Word("record", RcmlValues.ConferenceRecordings) ?? ConferenceRecording.DoNotRecord,
            Trim = a.Word("trim", RcmlValues.Trims) ?? RecordingTrim.TrimSilence,
            StatusCallbackEvent = a.Words("statusCallbackEvent", RcmlValues.Conference) ?? ConferenceEvents.None,
            StatusCallback = a.Url("statusCallback"),
            StatusCallbackMethod = a.Method("statusCallbackMethod") ?? RcmlHttpMethod.Post,
            RecordingStatusCallback = a.Url("recordingStatusCallback"),
            RecordingStatusCallbackMethod = a.Method("recordingStatusCallbackMethod") ?? RcmlHttpMethod.Post,
            RecordingStatusCallbackEvent = a.Words("recordingStatusCallbackEvent", RcmlValues.Recording) ?? RecordingEvents.Completed,
            ParticipantLabel = NoneIfEmpty(a.String("participantLabel")),
            Coach = NoneIfEmpty(a.String("coach")),
            JitterBufferSize = a.Word("jitterBufferSize", RcmlValues.JitterBufferSizes) ?? ConferenceJitterBuffer.Large,
            Video = video,
            UnknownAttributes = a.Finish(),
        };
    }

    /// <summary>An empty attribute value means none, as for URLs.</summary>
    private static string? NoneIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private QueueNoun BuildQueue(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        NoElements(element);
        return new QueueNoun
        {
            Span = element.Span,
            Name = TextOf(element).Text,
            Url = a.Url("url"),
            Method = a.Method() ?? RcmlHttpMethod.Post,
            UnknownAttributes = a.Finish(),
        };
    }

    /// <summary>The one <c>&lt;Video&gt;</c> a Sip or Conference may hold; other elements are reported.</summary>
    private VideoNoun? SingleVideo(RawElement element)
    {
        VideoNoun? video = null;
        foreach (var node in element.Content)
        {
            if (node is RawElement { Name: "Video" } child && video is null)
            {
                video = BuildVideo(child);
            }
            else if (node is RawElement other)
            {
                Unexpected<RawElement>(other, "at most one <Video>", element);
            }
        }

        return video;
    }

    private VideoNoun BuildVideo(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        NoElements(element);
        NoText(element);
        return new VideoNoun
        {
            Span = element.Span,
            Enable = a.Bool("enable") ?? false,
            Mode = a.Word("mode", RcmlValues.VideoModes) ?? VideoMode.Mcu,
            Resolution = a.Word("resolution", RcmlValues.VideoResolutions) ?? VideoResolution.Hd720,
            Layout = a.Word("layout", RcmlValues.VideoLayouts) ?? VideoLayout.Tile,
            Overlay = a.String("overlay"),
            UnknownAttributes = a.Finish(),
        };
    }
}
