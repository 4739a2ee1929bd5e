using RcmlEngine.Media.Mixing;

namespace RcmlEngine.Conferences;

/// <summary>Changing participants, announcements and speech events.</summary>
internal sealed partial class Conference
{
    /// <summary>
    /// Applies <paramref name="update"/> and reports what changed: participant-mute/unmute, -hold/unhold,
    /// and participant-modify for the rest. False when the participant is no longer in the room.
    /// </summary>
    public bool Update(ConferenceParticipant participant, ParticipantUpdate update)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(update);
        lock (Sync)
        {
            if (!_participants.Contains(participant) || participant.Status is ParticipantStatus.Complete or ParticipantStatus.Failed)
            {
                return false;
            }

            Touch(participant);
            var modified = ApplySettings(participant, update);
            if (update.Muted is { } muted && muted != participant.Muted)
            {
                participant.Muted = muted;
                participant.Mix.Muted = muted;
                _reporter.Report(this, muted ? "participant-mute" : "participant-unmute", ConferenceEventFilter.Mute, participant);
            }

            if (update.HoldUrl is not null || update.HoldMethod is not null)
            {
                participant.HoldUrl = update.HoldUrl ?? participant.HoldUrl;
                participant.HoldMethod = update.HoldMethod ?? participant.HoldMethod;
            }

            var wake = false;
            if (update.Hold is { } hold && hold != participant.Hold)
            {
                wake = true;
                participant.Hold = hold;
                participant.Mix.Held = hold;
                _reporter.Report(this, hold ? "participant-hold" : "participant-unhold", ConferenceEventFilter.Hold, participant);
            }

            if (modified)
            {
                _reporter.Report(this, "participant-modify", ConferenceEventFilter.Modify, participant);
            }

            if (update.AnnounceUrl is { } announce)
            {
                wake = true;
                participant.Announcements.Enqueue((announce, update.AnnounceMethod ?? "POST"));
            }

            // Only what changes the call's phase wakes its loop: a mute must not restart its mixing (a gap).
            if (wake)
            {
                participant.Signal();
            }

            return true;
        }
    }

    /// <summary>Plays <paramref name="url"/> into the room (everyone in the mix hears it); announcement-end or -fail follows.</summary>
    public bool Announce(Uri url, string method = "POST")
    {
        ArgumentNullException.ThrowIfNull(url);
        lock (Sync)
        {
            if (Status == ConferenceStatus.Completed)
            {
                return false;
            }

            _roomAudio.Announce(this, url, method);
            return true;
        }
    }

    /// <summary>Reports how an announcement ended (called by the players, for the room or one participant).</summary>
    public void ReportAnnouncement(bool played, ConferenceParticipant? participant, string? error = null)
    {
        lock (Sync)
        {
            if (Status == ConferenceStatus.Completed)
            {
                return;
            }

            var extra = error is null ? [] : new[] { ("AnnounceError", error) };
            _reporter.Report(this, played ? "announcement-end" : "announcement-fail", ConferenceEventFilter.Announcement, participant, extra);
        }
    }

    private bool ApplySettings(ConferenceParticipant participant, ParticipantUpdate update)
    {
        var modified = false;
        if (update.EndConferenceOnExit is { } end && end != participant.EndConferenceOnExit)
        {
            participant.EndConferenceOnExit = end;
            modified = true;
        }

        if (update.BeepOnExit is { } beep)
        {
            var before = participant.Beep;
            var entering = before is ConferenceBeepWhen.Always or ConferenceBeepWhen.OnEnter;
            participant.Beep = (entering, beep) switch
            {
                (true, true) => ConferenceBeepWhen.Always,
                (true, false) => ConferenceBeepWhen.OnEnter,
                (false, true) => ConferenceBeepWhen.OnExit,
                _ => ConferenceBeepWhen.Never,
            };
            modified |= before != participant.Beep;
        }

        var coach = update.Coaching == false ? null : update.CallSidToCoach ?? participant.CallSidToCoach;
        if (update.Coaching is not null || update.CallSidToCoach is not null)
        {
            if (coach != participant.CallSidToCoach)
            {
                participant.CallSidToCoach = coach;
                ApplyCoaching(participant);
                modified = true;
            }
        }

        return modified;
    }

    // On the mixer's tick: hand the event to the thread pool, which takes the lock.
    private void OnSpeakingChanged(MixParticipant mix, bool speaking) =>
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Room.ReportSpeech(state.Mix, state.Speaking), (Room: this, Mix: mix, Speaking: speaking), preferLocal: false);

    private void ReportSpeech(MixParticipant mix, bool speaking)
    {
        lock (Sync)
        {
            if (Status == ConferenceStatus.Completed || _participants.Find(p => ReferenceEquals(p.Mix, mix)) is not { } participant)
            {
                return;
            }

            _reporter.Report(this, speaking ? "participant-speech-start" : "participant-speech-stop", ConferenceEventFilter.Speaker, participant);
        }
    }
}
