using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Validation;

internal static partial class RcmlValidator
{
    /// <summary>Twilio's smallest and largest <c>maxParticipants</c>.</summary>
    public const int MinConferenceParticipants = 2;

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

        if (client.Parameters.Any(p => p.Key.Length == 0))
        {
            Error(d, RcmlDiagnosticCodes.MissingContent, client, "<Client> has a <Parameter> without a name");
        }

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
    }

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
