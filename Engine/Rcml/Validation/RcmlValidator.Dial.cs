using System.Collections.Frozen;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Validation;

internal static partial class RcmlValidator
{
    /// <summary>Twilio's limit on the parties one <c>&lt;Dial&gt;</c> rings at once.</summary>
    public const int MaxDialTargets = 10;

    /// <summary>Twilio's longest ring <c>timeout</c>.</summary>
    public const int MaxDialTimeoutSeconds = 600;

    /// <summary>The ring tones Twilio documents (country codes).</summary>
    public static readonly FrozenSet<string> RingTones = FrozenSet.ToFrozenSet(
    [
        "at", "au", "be", "bg", "br", "ch", "cl", "cn", "cz", "de", "dk", "ee", "es", "fi", "fr", "gr", "hu", "il", "in", "it",
        "jp", "lt", "mx", "my", "nl", "no", "nz", "ph", "pl", "pt", "ru", "se", "sg", "th", "tw", "uk", "us", "us-old", "ve", "za",
    ], StringComparer.Ordinal);

    private static void Dial(DialVerb dial, ICollection<RcmlDiagnostic> d)
    {
        Url(d, dial, "action", dial.Action);
        Url(d, dial, "recordingStatusCallback", dial.RecordingStatusCallback);
        Url(d, dial, "referUrl", dial.ReferUrl);
        Seconds(d, dial, "timeout", dial.Timeout, 1, MaxDialTimeoutSeconds);
        Seconds(d, dial, "timeLimit", dial.TimeLimit, 1);
        if (dial.RingTone is { } ringTone && !RingTones.Contains(ringTone))
        {
            Error(d, RcmlDiagnosticCodes.UnknownRingTone, dial, $"<Dial> ringTone=\"{ringTone}\" is not a known country code (us, uk, de, fr...)");
        }

        if (dial.RecordingStatusCallback is not null && dial.Record == DialRecording.DoNotRecord)
        {
            Warning(d, RcmlDiagnosticCodes.IneffectiveAttribute, dial, "<Dial> recordingStatusCallback has no effect without a record attribute that records");
        }

        if (dial.Number is null && dial.Nouns.Count == 0)
        {
            Error(d, RcmlDiagnosticCodes.MissingContent, dial, "<Dial> has no target: write a number as its text, or nest <Number>, <Sip>, <Client>, <Conference> or <Queue>");
            return;
        }

        if (dial.Number is { } number)
        {
            if (dial.Nouns.Count > 0)
            {
                Error(d, RcmlDiagnosticCodes.ConflictingContent, dial, $"<Dial> has both the text '{number}' and nested nouns; put the number in a <Number>");
            }

            PhoneNumber(d, dial, number);
        }

        DialNouns(dial, d);
    }

    private static void DialNouns(DialVerb dial, ICollection<RcmlDiagnostic> d)
    {
        var parties = 0;
        foreach (var noun in dial.Nouns)
        {
            switch (noun)
            {
                case NumberNoun number: Number(number, d); parties++; break;
                case SipNoun sip: Sip(sip, d); parties++; break;
                case ClientNoun client: Client(client, d); parties++; break;
                case ConferenceNoun conference: Conference(conference, d); break;
                case QueueNoun queue: Queue(queue, d); break;
            }

            if (noun is ConferenceNoun or QueueNoun && dial.Nouns.Count > 1)
            {
                Error(d, RcmlDiagnosticCodes.ConflictingContent, noun, $"<{noun.ElementName}> must be the only noun of its <Dial>");
            }
        }

        if (parties > MaxDialTargets)
        {
            Error(d, RcmlDiagnosticCodes.TooManyTargets, dial, $"<Dial> rings {parties} parties; the limit is {MaxDialTargets}");
        }
    }

    private static void PhoneNumber(ICollection<RcmlDiagnostic> d, RcmlNode node, string number)
    {
        // E.164 (+15551234567) or an unformatted national number ((415) 555-1212, 415.555.1212).
        var valid = number.AsSpan().ContainsAnyInRange('0', '9')
            && !number.AsSpan().ContainsAnyExcept(PhoneCharacters)
            && number.LastIndexOf('+') <= 0;
        if (!valid)
        {
            var hint = number.Contains('@', StringComparison.Ordinal) || number.StartsWith("sip", StringComparison.OrdinalIgnoreCase)
                ? "; to dial a SIP URI use <Sip>" : string.Empty;
            Error(d, RcmlDiagnosticCodes.InvalidPhoneNumber, node, $"<{node.ElementName}> '{number}' is not a phone number{hint}");
        }
    }
}
