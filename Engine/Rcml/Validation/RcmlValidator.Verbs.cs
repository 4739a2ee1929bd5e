using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Validation;

internal static partial class RcmlValidator
{
    /// <summary>Twilio's limit on the text of one <c>&lt;Say&gt;</c>.</summary>
    public const int MaxSayCharacters = 4096;

    /// <summary>Twilio's limit on a queue's name.</summary>
    public const int MaxQueueNameCharacters = 64;

    private static void Say(SayVerb say, ICollection<RcmlDiagnostic> d)
    {
        Range(d, say, "loop", say.Loop, 0, long.MaxValue);
        if (say.Text.Length == 0)
        {
            Warning(d, RcmlDiagnosticCodes.EmptySay, say, "<Say> has nothing to say");
        }
        else if (say.Text.Length > MaxSayCharacters)
        {
            Error(d, RcmlDiagnosticCodes.TextTooLong, say, $"<Say> holds {say.Text.Length} characters; the limit is {MaxSayCharacters} (split it into several <Say>)");
        }

        if (!IsKnownVoice(say.Voice))
        {
            Warning(d, RcmlDiagnosticCodes.UnknownVoice, say,
                $"<Say> voice=\"{say.Voice}\" is not a known voice (man, woman, alice, Polly.*, Google.*); the default voice speaks");
        }

        Language(d, say, say.Language);
    }

    private static bool IsKnownVoice(string voice) =>
        voice.Equals("man", StringComparison.OrdinalIgnoreCase) || voice.Equals("woman", StringComparison.OrdinalIgnoreCase)
        || voice.Equals("alice", StringComparison.OrdinalIgnoreCase)
        || (voice.Length > 6 && voice.StartsWith("Polly.", StringComparison.OrdinalIgnoreCase))
        || (voice.Length > 7 && voice.StartsWith("Google.", StringComparison.OrdinalIgnoreCase));

    private static void Play(PlayVerb play, ICollection<RcmlDiagnostic> d)
    {
        Range(d, play, "loop", play.Loop, 0, long.MaxValue);
        Url(d, play, "URL", play.Url);
        if (play.Digits is { } digits)
        {
            Keys(d, play, "digits", digits, pauses: true);
        }

        if (play.Url is null && play.Digits is null)
        {
            Error(d, RcmlDiagnosticCodes.MissingContent, play, "<Play> needs an audio URL as its text, or a digits attribute");
        }
        else if (play.Url is not null && play.Digits is not null)
        {
            Error(d, RcmlDiagnosticCodes.ConflictingContent, play, "<Play> has both an audio URL and digits; use one <Play> for each");
        }
    }

    private static void Pause(PauseVerb pause, ICollection<RcmlDiagnostic> d) => Seconds(d, pause, "length", pause.Length, 1);

    private static void Gather(GatherVerb gather, ICollection<RcmlDiagnostic> d)
    {
        foreach (var child in gather.Children)
        {
            if (child is SayVerb or PlayVerb or PauseVerb)
            {
                Verb(child, d);
            }
            else
            {
                Error(d, RcmlDiagnosticCodes.GatherNesting, child, $"<{child.ElementName}> cannot be nested in <Gather>, which holds only <Say>, <Play> and <Pause>");
            }
        }

        Url(d, gather, "action", gather.Action);
        Url(d, gather, "partialResultCallback", gather.PartialResultCallback);
        Seconds(d, gather, "timeout", gather.Timeout, 1);
        Keys(d, gather, "finishOnKey", gather.FinishOnKey, pauses: false, maxLength: 1);
        if (gather.NumDigits is { } numDigits)
        {
            Range(d, gather, "numDigits", numDigits, 1, long.MaxValue);
        }

        if (gather.SpeechTimeout is { Duration: { } speechTimeout })
        {
            Seconds(d, gather, "speechTimeout", speechTimeout, 1);
        }

        Language(d, gather, gather.Language);
        if (!gather.Input.HasFlag(GatherInput.Speech))
        {
            SpeechOnly(d, gather, "speechTimeout", gather.SpeechTimeout is not null);
            SpeechOnly(d, gather, "hints", gather.Hints is not null);
            SpeechOnly(d, gather, "partialResultCallback", gather.PartialResultCallback is not null);
        }
    }

    private static void SpeechOnly(ICollection<RcmlDiagnostic> d, GatherVerb gather, string attribute, bool set)
    {
        if (set)
        {
            Warning(d, RcmlDiagnosticCodes.IneffectiveAttribute, gather, $"<Gather> {attribute} has no effect without input=\"speech\" or \"dtmf speech\"");
        }
    }

    private static void Record(RecordVerb record, ICollection<RcmlDiagnostic> d)
    {
        Url(d, record, "action", record.Action);
        Url(d, record, "recordingStatusCallback", record.RecordingStatusCallback);
        Url(d, record, "transcribeCallback", record.TranscribeCallback);
        Seconds(d, record, "timeout", record.Timeout, 0);
        Seconds(d, record, "maxLength", record.MaxLength, 1);
        Keys(d, record, "finishOnKey", record.FinishOnKey, pauses: false);
    }

    private static void Redirect(RedirectVerb redirect, ICollection<RcmlDiagnostic> d)
    {
        if (redirect.Url is null || redirect.Url.OriginalString.Length == 0)
        {
            Error(d, RcmlDiagnosticCodes.MissingContent, redirect, "<Redirect> needs the URL of the next document as its text");
        }

        Url(d, redirect, "URL", redirect.Url);
    }

    private static void Enqueue(EnqueueVerb enqueue, ICollection<RcmlDiagnostic> d)
    {
        QueueName(d, enqueue, enqueue.QueueName);
        Url(d, enqueue, "action", enqueue.Action);
        Url(d, enqueue, "waitUrl", enqueue.WaitUrl);
        if (enqueue.MaxQueueSize is { } size)
        {
            Range(d, enqueue, "maxQueueSize", size, 1, 5000);
        }
    }

    private static void QueueName(ICollection<RcmlDiagnostic> d, RcmlNode node, string name)
    {
        if (name.Length == 0)
        {
            Error(d, RcmlDiagnosticCodes.MissingContent, node, $"<{node.ElementName}> needs a queue name as its text");
        }
        else if (name.Length > MaxQueueNameCharacters)
        {
            Error(d, RcmlDiagnosticCodes.TextTooLong, node, $"<{node.ElementName}> queue name has {name.Length} characters; the limit is {MaxQueueNameCharacters}");
        }
    }

    private static void Refer(ReferVerb refer, ICollection<RcmlDiagnostic> d)
    {
        Url(d, refer, "action", refer.Action);
        var sips = 0;
        foreach (var noun in refer.Nouns)
        {
            if (noun is SipNoun sip)
            {
                sips++;
                SipUri(sip, d);
            }
            else
            {
                Error(d, RcmlDiagnosticCodes.MisplacedElement, noun, $"<{noun.ElementName}> cannot be nested in <Refer>, which transfers to one <Sip>");
            }
        }

        if (sips == 0)
        {
            Error(d, RcmlDiagnosticCodes.MissingContent, refer, "<Refer> needs a <Sip> noun with the transfer target");
        }
        else if (sips > 1)
        {
            Error(d, RcmlDiagnosticCodes.TooManyTargets, refer, $"<Refer> has {sips} <Sip> targets; a call is transferred to one");
        }
    }
}
