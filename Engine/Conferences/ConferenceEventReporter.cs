using System.Globalization;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Conferences;

/// <summary>
/// Sends a room's events to its status callback with Twilio's parameters (ConferenceSid, FriendlyName,
/// AccountSid, SequenceNumber, Timestamp, StatusCallbackEvent, and the participant's CallSid, Muted,
/// Hold, Coaching, EndConferenceOnExit, StartConferenceOnEnter, ParticipantLabel), through the callback
/// dispatcher keyed by the ConferenceSid: in order per room, durable, never delaying the room.
/// </summary>
internal sealed class ConferenceEventReporter(ICallbackDispatcher dispatcher, TimeProvider time)
{
    /// <summary>Reports <paramref name="name"/> when the room's callback asks for <paramref name="kind"/> (under the room's lock).</summary>
    public void Report(Conference room, string name, ConferenceEventFilter kind, ConferenceParticipant? participant, params (string Name, string Value)[] extra)
    {
        ArgumentNullException.ThrowIfNull(room);
        if (room.Callbacks is not { } target || (EffectiveEvents(target.Events) & kind) == 0)
        {
            return;
        }

        var parameters = new List<KeyValuePair<string, string>>
        {
            new("ConferenceSid", room.Sid),
            new("FriendlyName", room.FriendlyName),
            new("AccountSid", room.AccountSid),
            new("SequenceNumber", room.NextSequence().ToString(CultureInfo.InvariantCulture)),
            new("Timestamp", Rfc2822Timestamp.Format(time.GetUtcNow())),
            new("StatusCallbackEvent", name),
        };
        if (participant is not null)
        {
            parameters.Add(new("CallSid", participant.CallSid));
            parameters.Add(new("Muted", Word(participant.Muted)));
            parameters.Add(new("Hold", Word(participant.Hold)));
            parameters.Add(new("Coaching", Word(participant.Coaching)));
            parameters.Add(new("EndConferenceOnExit", Word(participant.EndConferenceOnExit)));
            parameters.Add(new("StartConferenceOnEnter", Word(participant.StartConferenceOnEnter)));
            if (participant.Label is { } label)
            {
                parameters.Add(new("ParticipantLabel", label));
            }

            if (participant.CallSidToCoach is { } coached)
            {
                parameters.Add(new("CallSidToCoach", coached));
            }
        }

        foreach (var (key, value) in extra)
        {
            parameters.Add(new(key, value));
        }

        dispatcher.Enqueue(room.Sid, new WebhookRequest(target.Url, target.Method, parameters, target.AuthToken));
    }

    /// <summary>The room ended: its queued events are still delivered, its sequence forgotten.</summary>
    public void Complete(Conference room)
    {
        ArgumentNullException.ThrowIfNull(room);
        dispatcher.Complete(room.Sid);
    }

    // A status callback without statusCallbackEvent still hears when the room starts and ends.
    private static ConferenceEventFilter EffectiveEvents(ConferenceEventFilter events) =>
        events == ConferenceEventFilter.None ? ConferenceEventFilter.Start | ConferenceEventFilter.End : events;

    private static string Word(bool value) => value ? "true" : "false";
}
