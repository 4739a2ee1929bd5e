using System.Buffers;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Validation;

internal static partial class RcmlValidator
{
    /// <summary>Twilio's smallest and largest <c>maxParticipants</c>.</summary>
    public const int MinConferenceParticipants = 2;

    /// <summary>The longest <c>participantLabel</c> Twilio accepts.</summary>
    public const int MaxParticipantLabelLength = 128;

    /// <summary>The length of a CallSid: <c>CA</c> and 32 lowercase hex digits.</summary>
    public const int CallSidLength = 34;

    private static readonly SearchValues<char> LowercaseHexDigits = SearchValues.Create("0123456789abcdef");

    private static void Number(NumberNoun number, ICollection<RcmlDiagnostic> d)
    {
        if (number.PhoneNumber.Length == 0)
        {
            Error(d, RcmlDiagnosticCodes.MissingContent, number, "<Number> needs the phone number as its text");
        }
        else
        {
            PhoneNumber(d, number, number.PhoneNumber);
        }

        if (number.SendDigits is { } digits)
        {
            Keys(d, number, "sendDigits", digits, pauses: true);
        }

        Url(d, number, "url", number.Url);
        StatusCallback(d, number, number.StatusCallbackEvent, number.StatusCallback);
    }

    private static void Client(ClientNoun client, ICollection<RcmlDiagnostic> d)
    {
        if (client.Identity.Length == 0)
        {
            Error(d, RcmlDiagnosticCodes.MissingContent, client, "<Client> needs the client's identity as its text (or in <Identity>)");
        }

        Parameters(d, client, client.Parameters);

        Url(d, client, "url", client.Url);
        StatusCallback(d, client, client.StatusCallbackEvent, client.StatusCallback);
        PartyVideo(d, client.Video);
    }

    private static void Conference(ConferenceNoun conference, ICollection<RcmlDiagnostic> d)
    {
        if (conference.Name.Length == 0)
        {
            Error(d, RcmlDiagnosticCodes.MissingContent, conference, "<Conference> needs the room's name as its text");
        }

        Range(d, conference, "maxParticipants", conference.MaxParticipants, MinConferenceParticipants, ConferenceNoun.DefaultMaxParticipants);
        Url(d, conference, "waitUrl", conference.WaitUrl);
        Url(d, conference, "statusCallback", conference.StatusCallback);
        Url(d, conference, "recordingStatusCallback", conference.RecordingStatusCallback);
        if (conference.StatusCallbackEvent != ConferenceEvents.None && conference.StatusCallback is null)
        {
            Warning(d, RcmlDiagnosticCodes.IneffectiveAttribute, conference, "<Conference> statusCallbackEvent has no effect without a statusCallback");
        }

        if (conference.RecordingStatusCallback is not null && conference.Record == ConferenceRecording.DoNotRecord)
        {
            Warning(d, RcmlDiagnosticCodes.IneffectiveAttribute, conference, "<Conference> recordingStatusCallback has no effect without record=\"record-from-start\"");
        }

        if (conference.ParticipantLabel is { Length: > MaxParticipantLabelLength } label)
        {
            Error(d, RcmlDiagnosticCodes.TextTooLong, conference,
                $"<Conference> participantLabel is {label.Length} characters long; the limit is {MaxParticipantLabelLength}");
        }

        if (conference.Coach is { } coach && !IsCallSid(coach))
        {
            Error(d, RcmlDiagnosticCodes.InvalidAttributeValue, conference,
                $"<Conference> coach=\"{(coach.Length > 40 ? string.Concat(coach.AsSpan(0, 37), "...") : coach)}\" is not a CallSid ('CA' and 32 lowercase hex digits)");
        }
    }

    /// <summary>A CallSid: <c>CA</c> and 32 lowercase hex digits.</summary>
    private static bool IsCallSid(string sid) =>
        sid.Length == CallSidLength && sid.StartsWith("CA", StringComparison.Ordinal) && !sid.AsSpan(2).ContainsAnyExcept(LowercaseHexDigits);

    private static void Queue(QueueNoun queue, ICollection<RcmlDiagnostic> d)
    {
        QueueName(d, queue, queue.Name);
        Url(d, queue, "url", queue.Url);
    }

    private static void StatusCallback(ICollection<RcmlDiagnostic> d, RcmlNoun noun, CallProgressEvents events, Uri? callback)
    {
        Url(d, noun, "statusCallback", callback);
        if (callback is null && events != CallProgressEvents.Completed)
        {
            Warning(d, RcmlDiagnosticCodes.IneffectiveAttribute, noun, $"<{noun.ElementName}> statusCallbackEvent has no effect without a statusCallback");
        }
    }

    /// <summary>A <c>&lt;Video&gt;</c> of a Client or Sip: mode, resolution and layout only mean something for a Conference.</summary>
    private static void PartyVideo(ICollection<RcmlDiagnostic> d, VideoNoun? video)
    {
        if (video is not null && (video.Mode != VideoMode.Mcu || video.Resolution != VideoResolution.Hd720 || video.Layout != VideoLayout.Tile))
        {
            Warning(d, RcmlDiagnosticCodes.IneffectiveAttribute, video, "<Video> mode, resolution and layout apply to a <Conference> only");
        }
    }
}
