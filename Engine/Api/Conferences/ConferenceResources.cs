using System.Buffers;
using RcmlEngine.Conferences;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Api.Conferences;

/// <summary>Turns rooms and participants into Twilio's JSON, and names their paths and status words.</summary>
internal static class ConferenceResources
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>The path of the account's conferences list.</summary>
    public static string ListPath(string accountSid) => $"/2010-04-01/Accounts/{accountSid}/Conferences.json";

    /// <summary>The path of one conference.</summary>
    public static string PathOf(string accountSid, string conferenceSid) => $"/2010-04-01/Accounts/{accountSid}/Conferences/{conferenceSid}.json";

    /// <summary>The path of a conference's participants list.</summary>
    public static string ParticipantsPath(string accountSid, string conferenceSid) =>
        $"/2010-04-01/Accounts/{accountSid}/Conferences/{conferenceSid}/Participants.json";

    /// <summary><paramref name="room"/> as Twilio shows a conference.</summary>
    public static ConferenceResource Of(Conference room)
    {
        ArgumentNullException.ThrowIfNull(room);
        var prefix = $"/2010-04-01/Accounts/{room.AccountSid}/Conferences/{room.Sid}/";
        return new ConferenceResource
        {
            AccountSid = room.AccountSid,
            DateCreated = Rfc2822Timestamp.Format(room.DateCreated),
            DateUpdated = Rfc2822Timestamp.Format(room.DateUpdated),
            FriendlyName = room.FriendlyName,
            Sid = room.Sid,
            Status = StatusOf(room.Status),
            Uri = PathOf(room.AccountSid, room.Sid),
            SubresourceUris = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["participants"] = prefix + "Participants.json",
                ["recordings"] = prefix + "Recordings.json",
            },
            ReasonConferenceEnded = room.ReasonEnded,
            CallSidEndingConference = room.CallSidEndingConference,
        };
    }

    /// <summary><paramref name="participant"/> as Twilio shows a participant.</summary>
    public static ParticipantResource Of(ConferenceParticipant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var room = participant.Room;
        return new ParticipantResource
        {
            AccountSid = room.AccountSid,
            CallSid = participant.CallSid,
            Label = participant.Label,
            CallSidToCoach = participant.CallSidToCoach,
            Coaching = participant.Coaching,
            ConferenceSid = room.Sid,
            DateCreated = Rfc2822Timestamp.Format(participant.DateCreated),
            DateUpdated = Rfc2822Timestamp.Format(participant.DateUpdated),
            EndConferenceOnExit = participant.EndConferenceOnExit,
            Muted = participant.Muted,
            Hold = participant.Hold,
            StartConferenceOnEnter = participant.StartConferenceOnEnter,
            Status = StatusOf(participant.Status),
            Uri = $"/2010-04-01/Accounts/{room.AccountSid}/Conferences/{room.Sid}/Participants/{participant.CallSid}.json",
        };
    }

    /// <summary>Twilio's word for a conference's status.</summary>
    public static string StatusOf(ConferenceStatus status) => status switch
    {
        ConferenceStatus.Init => "init",
        ConferenceStatus.InProgress => "in-progress",
        _ => "completed",
    };

    /// <summary>Twilio's word for a participant's status.</summary>
    public static string StatusOf(ParticipantStatus status) => status switch
    {
        ParticipantStatus.Queued => "queued",
        ParticipantStatus.Connecting => "connecting",
        ParticipantStatus.Ringing => "ringing",
        ParticipantStatus.Connected => "connected",
        ParticipantStatus.Complete => "complete",
        _ => "failed",
    };

    /// <summary>The status a <c>Status</c> filter names; null when it names none.</summary>
    public static ConferenceStatus? ParseStatus(string text) => text switch
    {
        "init" => ConferenceStatus.Init,
        "in-progress" => ConferenceStatus.InProgress,
        "completed" => ConferenceStatus.Completed,
        _ => null,
    };

    /// <summary>True when <paramref name="text"/> has a conference sid's shape (<c>CF</c> + 32 hex).</summary>
    public static bool IsConferenceSid(string text) => IsSid(text, Conference.ConferencePrefix);

    /// <summary>True when <paramref name="text"/> has a call sid's shape (<c>CA</c> + 32 hex).</summary>
    public static bool IsCallSid(string text) => IsSid(text, "CA");

    private static bool IsSid(string text, string prefix) =>
        text.Length == 34 && text.StartsWith(prefix, StringComparison.Ordinal) && !text.AsSpan(2).ContainsAnyExcept(HexDigits);
}
