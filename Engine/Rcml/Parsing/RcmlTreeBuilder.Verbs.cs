using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Parsing;

internal sealed partial class RcmlTreeBuilder
{
    private PlayVerb BuildPlay(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        return new PlayVerb
        {
            Span = element.Span,
            Url = UrlContent(element),
            Digits = a.String("digits"),
            Loop = a.Integer("loop") ?? 1,
            UnknownAttributes = a.Finish(),
        };
    }

    private PauseVerb BuildPause(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        NoElements(element);
        NoText(element);
        return new PauseVerb
        {
            Span = element.Span,
            Length = a.Seconds("length") ?? PauseVerb.DefaultLength,
            UnknownAttributes = a.Finish(),
        };
    }

    private GatherVerb BuildGather(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        NoText(element);
        var children = new List<RcmlVerb>();
        foreach (var node in element.Content)
        {
            // Any verb is read here; the validator says which ones <Gather> may hold.
            if (node is RawElement child && BuildVerb(child, element) is { } verb)
            {
                children.Add(verb);
            }
        }

        var input = a.Words("input", RcmlValues.GatherInputs);
        if (input == GatherInput.None)
        {
            Error(RcmlDiagnosticCodes.InvalidAttributeValue, element.Attributes.First(x => x.Name == "input").Span, element,
                "Gather input is empty; write 'dtmf', 'speech' or 'dtmf speech'");
            input = null;
        }

        return new GatherVerb
        {
            Span = element.Span,
            Action = a.Url("action"),
            Method = a.Method() ?? RcmlHttpMethod.Post,
            Timeout = a.Seconds("timeout") ?? GatherVerb.DefaultTimeout,
            FinishOnKey = a.String("finishOnKey") ?? GatherVerb.DefaultFinishOnKey,
            NumDigits = a.Integer("numDigits"),
            Input = input ?? GatherInput.Dtmf,
            ActionOnEmptyResult = a.Bool("actionOnEmptyResult") ?? false,
            PartialResultCallback = a.Url("partialResultCallback"),
            PartialResultCallbackMethod = a.Method("partialResultCallbackMethod") ?? RcmlHttpMethod.Post,
            SpeechTimeout = a.SpeechTimeout("speechTimeout"),
            Hints = a.String("hints"),
            Language = a.String("language") ?? GatherVerb.DefaultLanguage,
            ProfanityFilter = a.Bool("profanityFilter") ?? true,
            Children = children,
            UnknownAttributes = a.Finish(),
        };
    }

    private RecordVerb BuildRecord(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        NoElements(element);
        NoText(element);
        return new RecordVerb
        {
            Span = element.Span,
            Action = a.Url("action"),
            Method = a.Method() ?? RcmlHttpMethod.Post,
            Timeout = a.Seconds("timeout") ?? RecordVerb.DefaultTimeout,
            FinishOnKey = a.String("finishOnKey") ?? RecordVerb.DefaultFinishOnKey,
            MaxLength = a.Seconds("maxLength") ?? RecordVerb.DefaultMaxLength,
            PlayBeep = a.Bool("playBeep") ?? true,
            Trim = a.Word("trim", RcmlValues.Trims) ?? RecordingTrim.TrimSilence,
            RecordingStatusCallback = a.Url("recordingStatusCallback"),
            RecordingStatusCallbackMethod = a.Method("recordingStatusCallbackMethod") ?? RcmlHttpMethod.Post,
            RecordingStatusCallbackEvent = a.Words("recordingStatusCallbackEvent", RcmlValues.Recording) ?? RecordingEvents.Completed,
            Transcribe = a.Bool("transcribe") ?? false,
            TranscribeCallback = a.Url("transcribeCallback"),
            UnknownAttributes = a.Finish(),
        };
    }

    private DialVerb BuildDial(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        var nouns = new List<RcmlNoun>();
        foreach (var node in element.Content)
        {
            if (node is RawElement child && BuildNoun(child, element) is { } noun)
            {
                nouns.Add(noun);
            }
        }

        var (number, _) = TextOf(element);
        return new DialVerb
        {
            Span = element.Span,
            Number = number.Length == 0 ? null : number,
            Nouns = nouns,
            Action = a.Url("action"),
            Method = a.Method() ?? RcmlHttpMethod.Post,
            Timeout = a.Seconds("timeout") ?? DialVerb.DefaultTimeout,
            TimeLimit = a.Seconds("timeLimit") ?? DialVerb.DefaultTimeLimit,
            CallerId = a.String("callerId"),
            HangupOnStar = a.Bool("hangupOnStar") ?? false,
            Record = a.Word("record", RcmlValues.DialRecordings) ?? DialRecording.DoNotRecord,
            Trim = a.Word("trim", RcmlValues.Trims) ?? RecordingTrim.DoNotTrim,
            RecordingStatusCallback = a.Url("recordingStatusCallback"),
            RecordingStatusCallbackMethod = a.Method("recordingStatusCallbackMethod") ?? RcmlHttpMethod.Post,
            RecordingStatusCallbackEvent = a.Words("recordingStatusCallbackEvent", RcmlValues.Recording) ?? RecordingEvents.Completed,
            AnswerOnBridge = a.Bool("answerOnBridge") ?? false,
            RingTone = a.String("ringTone"),
            ReferUrl = a.Url("referUrl"),
            ReferMethod = a.Method("referMethod") ?? RcmlHttpMethod.Post,
            UnknownAttributes = a.Finish(),
        };
    }

    private RedirectVerb BuildRedirect(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        return new RedirectVerb
        {
            Span = element.Span,
            Url = UrlContent(element),
            Method = a.Method() ?? RcmlHttpMethod.Post,
            UnknownAttributes = a.Finish(),
        };
    }

    private HangupVerb BuildHangup(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        var parameters = ParametersOnly(element);
        NoText(element);
        return new HangupVerb { Span = element.Span, Parameters = parameters, UnknownAttributes = a.Finish() };
    }

    private LeaveVerb BuildLeave(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        NoElements(element);
        NoText(element);
        return new LeaveVerb { Span = element.Span, UnknownAttributes = a.Finish() };
    }

    private RejectVerb BuildReject(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        var parameters = ParametersOnly(element);
        NoText(element);
        return new RejectVerb
        {
            Span = element.Span,
            Reason = a.Word("reason", RcmlValues.RejectReasons) ?? RejectReason.Rejected,
            Parameters = parameters,
            UnknownAttributes = a.Finish(),
        };
    }

    private EnqueueVerb BuildEnqueue(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        NoElements(element);
        return new EnqueueVerb
        {
            Span = element.Span,
            QueueName = TextOf(element).Text,
            Action = a.Url("action"),
            Method = a.Method() ?? RcmlHttpMethod.Post,
            WaitUrl = a.Url("waitUrl", keepEmpty: true),
            WaitUrlMethod = a.Method("waitUrlMethod") ?? RcmlHttpMethod.Post,
            MaxQueueSize = a.Integer("maxQueueSize"),
            UnknownAttributes = a.Finish(),
        };
    }

    private ReferVerb BuildRefer(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        NoText(element);
        var nouns = new List<RcmlNoun>();
        foreach (var node in element.Content)
        {
            // Any noun is read here; the validator requires exactly one <Sip>.
            if (node is RawElement child && BuildNoun(child, element) is { } noun)
            {
                nouns.Add(noun);
            }
        }

        return new ReferVerb
        {
            Span = element.Span,
            Nouns = nouns,
            Action = a.Url("action"),
            Method = a.Method() ?? RcmlHttpMethod.Post,
            UnknownAttributes = a.Finish(),
        };
    }
}
