using RcmlEngine.Calls;
using RcmlEngine.Conferences;

namespace RcmlEngine.Api.Conferences;

/// <summary>
/// Follows the call placed for a participant until it is in the room: the room hears that it is connecting
/// and ringing (<see cref="Conference.Progress"/>), and that it failed when it ends before joining
/// (<see cref="Conference.Fail"/>: busy, no-answer, failed, canceled, or answered and hung up before the
/// join). Once the call has joined, the room's own attendance follows it and <see cref="Conference.Fail"/>
/// does nothing.
/// </summary>
internal static class ParticipantCallWatcher
{
    /// <summary>Watches <paramref name="call"/> for <paramref name="room"/>; stops by itself when the call ends.</summary>
    public static void Watch(ICall call, Conference room)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(room);
        var sid = call.Info.CallSid;

        // The observer runs under the lifecycle's lock and only takes the room's, which never waits on a call.
        // It is never unsubscribed: a call's last change is its end, and the lifecycle goes with the call.
        _ = call.Lifecycle.Subscribe(change =>
        {
            switch (change.Status)
            {
                case CallStatus.Initiated:
                    room.Progress(sid, ParticipantStatus.Connecting);
                    break;
                case CallStatus.Ringing:
                    room.Progress(sid, ParticipantStatus.Ringing);
                    break;
                case CallStatus.Completed or CallStatus.Busy or CallStatus.Failed or CallStatus.NoAnswer or CallStatus.Canceled:
                    room.Fail(sid, change.Status.ToWebhookValue());
                    break;
            }
        });
    }
}
