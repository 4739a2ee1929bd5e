using RcmlEngine.Media.Mixing;

namespace RcmlEngine.Conferences;

/// <summary>
/// One call in a conference room: the settings it joined with (changed through the API), its status,
/// and its place in the room's mix. Changed only under the room's lock; <see cref="Changed"/> tells the
/// call's attendance loop to look at <see cref="Phase"/> again.
/// </summary>
internal sealed class ConferenceParticipant
{
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Creates a participant of <paramref name="room"/>.</summary>
    public ConferenceParticipant(Conference room, string callSid, ParticipantSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Room = room;
        CallSid = callSid;
        Label = settings.Label;
        Muted = settings.Muted;
        Beep = settings.Beep;
        StartConferenceOnEnter = settings.StartConferenceOnEnter;
        EndConferenceOnExit = settings.EndConferenceOnExit;
        CallSidToCoach = settings.CallSidToCoach;
        DateCreated = now;
        DateUpdated = now;
        Mix = new MixParticipant(callSid, settings.JitterSamples) { Muted = settings.Muted };
    }

    /// <summary>The room.</summary>
    public Conference Room { get; }

    /// <summary>The participant's call.</summary>
    public string CallSid { get; }

    /// <summary>Its label, unique in the room.</summary>
    public string? Label { get; internal set; }

    /// <summary>Whether the room does not hear it.</summary>
    public bool Muted { get; internal set; }

    /// <summary>Whether it is on hold (hears hold music, is not heard).</summary>
    public bool Hold { get; internal set; }

    /// <summary>What a held participant hears: null for the default music.</summary>
    public Uri? HoldUrl { get; internal set; }

    /// <summary>The method to fetch <see cref="HoldUrl"/> with (GET or POST).</summary>
    public string HoldMethod { get; internal set; } = "GET";

    /// <summary>When the room beeps for it.</summary>
    public ConferenceBeepWhen Beep { get; internal set; }

    /// <summary>Whether its presence starts the room.</summary>
    public bool StartConferenceOnEnter { get; internal set; }

    /// <summary>Whether its leaving ends the room.</summary>
    public bool EndConferenceOnExit { get; internal set; }

    /// <summary>The participant it coaches, by CallSid; null when it does not coach.</summary>
    public string? CallSidToCoach { get; internal set; }

    /// <summary>Whether it coaches someone.</summary>
    public bool Coaching => CallSidToCoach is not null;

    /// <summary>Its status.</summary>
    public ParticipantStatus Status { get; internal set; } = ParticipantStatus.Connected;

    /// <summary>When it was added.</summary>
    public DateTimeOffset DateCreated { get; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset DateUpdated { get; internal set; }

    /// <summary>Why it left, once it has.</summary>
    public ParticipantLeaveReason? LeaveReason { get; internal set; }

    /// <summary>Its place in the room's mix.</summary>
    public MixParticipant Mix { get; }

    /// <summary>Announcements for this participant only, played by its attendance loop (URL and method).</summary>
    internal Queue<(Uri Url, string Method)> Announcements { get; } = new();

    /// <summary>What its call should be doing now.</summary>
    public ParticipantPhase Phase
    {
        get
        {
            lock (Room.Sync)
            {
                return Status is ParticipantStatus.Complete or ParticipantStatus.Failed ? ParticipantPhase.Gone
                    : Status != ParticipantStatus.Connected ? ParticipantPhase.Waiting
                    : Announcements.Count > 0 ? ParticipantPhase.Announcement
                    : Hold ? ParticipantPhase.Held
                    : Room.Status == ConferenceStatus.InProgress ? ParticipantPhase.Live
                    : ParticipantPhase.Waiting;
            }
        }
    }

    /// <summary>Completes at the next change of <see cref="Phase"/> (or of anything else about it).</summary>
    public Task Changed
    {
        get
        {
            lock (Room.Sync)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Takes the next announcement for this participant, if any.</summary>
    public bool TryTakeAnnouncement(out (Uri Url, string Method) announcement)
    {
        lock (Room.Sync)
        {
            return Announcements.TryDequeue(out announcement);
        }
    }

    /// <summary>Wakes the attendance loop (under the room's lock).</summary>
    internal void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
