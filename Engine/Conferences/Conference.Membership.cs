namespace RcmlEngine.Conferences;

/// <summary>Joining, leaving and ending.</summary>
internal sealed partial class Conference
{
    /// <summary>
    /// Holds a place for a call the Participants API is placing (status <c>queued</c>), so the room lists it
    /// and its settings apply when it joins. Refused like <see cref="Join"/>.
    /// </summary>
    public JoinResult Expect(string callSid, ParticipantSettings settings)
    {
        lock (Sync)
        {
            if (Refusal(callSid, settings) is { } refused)
            {
                return JoinResult.Refused(refused);
            }

            var participant = new ConferenceParticipant(this, callSid, settings, _time.GetUtcNow()) { Status = ParticipantStatus.Queued };
            _participants.Add(participant);
            Callbacks ??= settings.Callbacks;
            return JoinResult.Joined(participant);
        }
    }

    /// <summary>Marks an expected participant's call as progressing (connecting, ringing).</summary>
    public void Progress(string callSid, ParticipantStatus status)
    {
        lock (Sync)
        {
            if (_participants.Find(p => p.CallSid == callSid) is { Status: ParticipantStatus.Queued or ParticipantStatus.Connecting or ParticipantStatus.Ringing } participant)
            {
                participant.Status = status;
                Touch(participant);
            }
        }
    }

    /// <summary>
    /// The call joins: connected, mixed once the room starts. A place held by <see cref="Expect"/> is taken
    /// with the settings given there. The room starts when this makes two with someone who starts it.
    /// </summary>
    public JoinResult Join(string callSid, ParticipantSettings settings)
    {
        lock (Sync)
        {
            var participant = _participants.Find(p => p.CallSid == callSid);
            if (participant is { Status: ParticipantStatus.Connected })
            {
                return JoinResult.Refused(JoinRefusal.AlreadyIn);
            }

            if (participant is null)
            {
                if (Refusal(callSid, settings) is { } refused)
                {
                    return JoinResult.Refused(refused);
                }

                participant = new ConferenceParticipant(this, callSid, settings, _time.GetUtcNow());
                _participants.Add(participant);
            }

            participant.Status = ParticipantStatus.Connected;
            Touch(participant);
            Callbacks ??= settings.Callbacks;
            Mixer.Add(participant.Mix);
            ApplyCoaching(participant);
            LogJoined(FriendlyName, callSid, ConnectedCount);
            _reporter.Report(this, "participant-join", ConferenceEventFilter.Join, participant);
            if (Status == ConferenceStatus.Init && ShouldStart())
            {
                Start();
            }
            else if (Status == ConferenceStatus.InProgress && participant.Beep is ConferenceBeepWhen.Always or ConferenceBeepWhen.OnEnter)
            {
                _roomAudio.Beep(this, entering: true);
            }

            participant.Signal();
            return JoinResult.Joined(participant);
        }
    }

    /// <summary>An expected participant's call failed (busy, no answer...): it leaves the list; an empty room that never started ends.</summary>
    public void Fail(string callSid, string callStatus)
    {
        lock (Sync)
        {
            if (_participants.Find(p => p.CallSid == callSid) is not { } participant || participant.Status == ParticipantStatus.Connected)
            {
                return;
            }

            participant.Status = ParticipantStatus.Failed;
            _participants.Remove(participant);
            _reporter.Report(this, "participant-leave", ConferenceEventFilter.Leave, participant,
                ("ParticipantCallStatus", callStatus), ("ReasonParticipantLeft", "participant_not_answered"));
            participant.Signal();
            if (_participants.Count == 0 && Status != ConferenceStatus.Completed)
            {
                EndLocked("last-participant-left", callSid);
            }
        }
    }

    /// <summary>
    /// The participant leaves: out of the mix and the list, reported with its call's status and the reason.
    /// Leaving with endConferenceOnExit, or as the last one, ends the room.
    /// </summary>
    public void Leave(ConferenceParticipant participant, ParticipantLeaveReason reason, string callStatus)
    {
        ArgumentNullException.ThrowIfNull(participant);
        lock (Sync)
        {
            if (!LeaveLocked(participant, reason, callStatus))
            {
                return;
            }

            if (participant.EndConferenceOnExit && Status != ConferenceStatus.Completed)
            {
                var kicked = reason == ParticipantLeaveReason.Kicked;
                EndLocked(kicked ? "participant-with-end-conference-on-exit-kicked" : "participant-with-end-conference-on-exit-left", participant.CallSid);
            }
            else if (_participants.Count == 0 && Status != ConferenceStatus.Completed)
            {
                EndLocked(reason == ParticipantLeaveReason.Kicked ? "last-participant-kicked" : "last-participant-left", participant.CallSid);
            }
            else if (Status == ConferenceStatus.InProgress && participant.Beep is ConferenceBeepWhen.Always or ConferenceBeepWhen.OnExit)
            {
                _roomAudio.Beep(this, entering: false);
            }
        }
    }

    /// <summary>Ends the room through the API: everyone leaves (their documents go on).</summary>
    public void EndViaApi()
    {
        lock (Sync)
        {
            if (Status != ConferenceStatus.Completed)
            {
                EndLocked("conference-ended-via-api", null);
            }
        }
    }

    private bool LeaveLocked(ConferenceParticipant participant, ParticipantLeaveReason reason, string callStatus)
    {
        if (participant.Status is ParticipantStatus.Complete or ParticipantStatus.Failed || !_participants.Remove(participant))
        {
            return false;
        }

        participant.Status = ParticipantStatus.Complete;
        participant.LeaveReason = reason;
        Touch(participant);
        Mixer.Remove(participant.Mix);
        participant.Mix.Dispose();
        foreach (var coach in _participants)
        {
            if (ReferenceEquals(coach.Mix.Coaching, participant.Mix))
            {
                coach.Mix.Coaching = null;
            }
        }

        var why = ReasonWord(reason);
        LogLeft(FriendlyName, participant.CallSid, why, _participants.Count);
        _reporter.Report(this, "participant-leave", ConferenceEventFilter.Leave, participant,
            ("ParticipantCallStatus", callStatus), ("ReasonParticipantLeft", why));
        participant.Signal();
        return true;
    }

    private void EndLocked(string reason, string? callSid)
    {
        Status = ConferenceStatus.Completed;
        ReasonEnded = reason;
        CallSidEndingConference = callSid;
        DateUpdated = _time.GetUtcNow();
        var leaveReason = reason == "conference-ended-via-api"
            ? ParticipantLeaveReason.ConferenceEndedViaApi
            : ParticipantLeaveReason.EndConferenceOnExitParticipantLeft;
        foreach (var other in _participants.ToArray())
        {
            LeaveLocked(other, leaveReason, "in-progress");
        }

        _participants.Clear();
        _reporter.Report(this, "conference-end", ConferenceEventFilter.End, null,
            ("ReasonConferenceEnded", reason), ("CallSidEndingConference", callSid ?? string.Empty));
        _reporter.Complete(this);
        LogEnded(FriendlyName, Sid, reason);
        _roomAudio.Stop(this);
        Mixer.Dispose();
        _started.TrySetCanceled();
        _ended.TrySetResult();
    }

    private void Start()
    {
        Status = ConferenceStatus.InProgress;
        DateUpdated = _time.GetUtcNow();
        LogStarted(FriendlyName, Sid, ConnectedCount);
        _roomAudio.Start(this);
        _reporter.Report(this, "conference-start", ConferenceEventFilter.Start, null);
        _started.TrySetResult();
        foreach (var participant in _participants)
        {
            participant.Signal();
        }
    }

    private bool ShouldStart()
    {
        var connected = _participants.Where(p => p.Status == ParticipantStatus.Connected).ToList();
        return connected.Count >= 2 && connected.Exists(p => p.StartConferenceOnEnter);
    }

    private JoinRefusal? Refusal(string callSid, ParticipantSettings settings)
    {
        if (Status == ConferenceStatus.Completed)
        {
            return JoinRefusal.Ended;
        }

        if (_participants.Exists(p => p.CallSid == callSid))
        {
            return JoinRefusal.AlreadyIn;
        }

        if (_participants.Count >= MaxParticipants)
        {
            return JoinRefusal.Full;
        }

        return settings.Label is { } label && _participants.Exists(p => p.Label == label) ? JoinRefusal.LabelTaken : null;
    }

    // A coach's audio goes to the participant it coaches; a participant coached by someone already in the room is linked too.
    private void ApplyCoaching(ConferenceParticipant participant)
    {
        participant.Mix.Coaching = participant.CallSidToCoach is { } coached
            ? _participants.Find(p => p.CallSid == coached)?.Mix
            : null;
        foreach (var coach in _participants)
        {
            if (coach.CallSidToCoach == participant.CallSid)
            {
                coach.Mix.Coaching = participant.Mix;
            }
        }
    }

    /// <summary>Twilio's words for why a participant left.</summary>
    public static string ReasonWord(ParticipantLeaveReason reason) => reason switch
    {
        ParticipantLeaveReason.HungUp => "participant_hung_up",
        ParticipantLeaveReason.Kicked => "participant_was_kicked",
        ParticipantLeaveReason.UpdatedViaApi => "participant_updated_via_api",
        ParticipantLeaveReason.ConferenceEndedViaApi => "conference_ended_via_api",
        ParticipantLeaveReason.EndConferenceOnExitParticipantLeft => "participant_with_end_conference_on_exit_left",
        _ => "participant_left",
    };
}
