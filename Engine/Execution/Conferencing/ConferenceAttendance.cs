using System.Globalization;
using Microsoft.Extensions.Logging;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Calls.Prompts;
using RcmlEngine.Conferences;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Conferencing;

/// <summary>
/// <c>&lt;Dial&gt;&lt;Conference&gt;</c>: the caller joins the named room and follows what happens to it as a
/// participant: wait music until the room starts, talking in the mix, hold music while held, announcements
/// meant for it. It leaves when it hangs up, presses <c>*</c> (<c>hangupOnStar</c>), reaches <c>timeLimit</c>,
/// is kicked, or the room ends; then Dial's <c>action</c> runs with <c>DialCallStatus=answered</c> (or the next
/// verb). A full room (<c>maxParticipants</c>) or a label already taken: reported, and the next verb runs.
/// </summary>
internal sealed partial class ConferenceAttendance(
    ConferenceRegistry rooms,
    ConferenceMusic music,
    ConferenceRoomRecorder recorder,
    CallIssueReporter reporter,
    TimeProvider time,
    ILogger<ConferenceAttendance> logger)
{
    /// <summary>Runs the Dial for its Conference noun; returns the Dial's action parameters, or null when the call did not join.</summary>
    public async Task<List<KeyValuePair<string, string>>?> AttendAsync(DialVerb verb, ConferenceNoun noun, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(noun);
        ArgumentNullException.ThrowIfNull(session);
        if (session.Call is not IConferenceCall call)
        {
            reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.DialNotPossible,
                $"<Conference> at {noun.Span}: this call cannot join a conference; it was skipped"));
            return null;
        }

        await call.AnswerAsync(cancellationToken);
        var settings = ConferenceParticipantSettings.Of(noun, session);
        var room = rooms.GetOrCreate(session.Account.AccountSid, noun.Name, noun.MaxParticipants);
        var joined = room.Join(session.CallSid, settings);
        if (joined.Participant is not { } participant)
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.ConferenceJoinRefused,
                $"<Conference> at {noun.Span}: the call could not join '{noun.Name}' ({Why(joined.Refusal, room)}); the document goes on"));
            return null;
        }

        if (noun.Video is not null)
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.VerbNotSupported,
                $"<Video> in <Conference> at {noun.Video.Span}: video rooms are not supported; the call joins with audio only"));
        }

        if (noun.Record == ConferenceRecording.RecordFromStart)
        {
            recorder.RecordFromStart(room, noun, session);
        }

        var joinedAt = time.GetTimestamp();
        var reason = await FollowAsync(verb, noun, call, participant, session, cancellationToken);
        room.Leave(participant, reason, call.Lifecycle.IsEnded ? "completed" : "in-progress");
        var seconds = (int)time.GetElapsedTime(joinedAt).TotalSeconds;
        var why = Conference.ReasonWord(participant.LeaveReason ?? reason);
        LogLeft(room.FriendlyName, why, seconds);
        return
        [
            new("DialCallStatus", "answered"),
            new("DialCallDuration", seconds.ToString(CultureInfo.InvariantCulture)),
            new("ConferenceSid", room.Sid),
        ];
    }

    // The participant's life in the room, phase by phase, until it leaves; returns why it left.
    private async Task<ParticipantLeaveReason> FollowAsync(
        DialVerb verb, ConferenceNoun noun, IConferenceCall call, ConferenceParticipant participant, CallSession session, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(verb.TimeLimit, time);
        using var attending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token, call.Lifecycle.Ended);
        call.Digits.Clear();
        var star = new StarWatch(verb.HangupOnStar);
        var watching = star.WatchAsync(call, attending);
        try
        {
            while (!attending.IsCancellationRequested)
            {
                var changed = participant.Changed;
                var phase = participant.Phase;
                if (phase == ParticipantPhase.Gone)
                {
                    break;
                }

                await RunPhaseAsync(phase, noun, call, participant, session, changed, attending.Token);
            }
        }
        finally
        {
            await attending.CancelAsync();
            await watching;
        }

        return call.Lifecycle.IsEnded ? ParticipantLeaveReason.HungUp
            : cancellationToken.IsCancellationRequested ? ParticipantLeaveReason.UpdatedViaApi
            : ParticipantLeaveReason.Left;
    }

    // One phase: its activity runs until the participant's situation changes (or the attendance ends).
    private async Task RunPhaseAsync(
        ParticipantPhase phase, ConferenceNoun noun, IConferenceCall call, ConferenceParticipant participant, CallSession session, Task changed, CancellationToken cancellationToken)
    {
        using var step = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var extra = new KeyValuePair<string, string>[] { new("ConferenceSid", participant.Room.Sid), new("FriendlyName", participant.Room.FriendlyName) };
        var activity = phase switch
        {
            ParticipantPhase.Live => call.MixAsync(participant.Mix, step.Token),
            ParticipantPhase.Held => music.PlayAsync(call, session, participant.HoldUrl, MethodOf(participant.HoldMethod), silent: false, extra, step.Token),
            ParticipantPhase.Announcement => AnnounceAsync(call, session, participant, step.Token),
            _ => music.PlayAsync(call, session, noun.WaitInSilence ? null : noun.WaitUrl, noun.WaitMethod, noun.WaitInSilence, extra, step.Token),
        };
        try
        {
            await Task.WhenAny(activity, changed);
            if (activity.IsCompleted && !changed.IsCompleted && phase != ParticipantPhase.Announcement)
            {
                // The activity ended by itself (the call hung up, an announcement finished): wait for what comes next.
                await Task.WhenAny(changed, Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken));
            }
        }
        finally
        {
            await step.CancelAsync();
            try
            {
                await activity;
            }
            catch (OperationCanceledException)
            {
                // The phase is over.
            }
        }
    }

    // One announcement for this participant alone (it is out of the mix meanwhile); the loop then looks again.
    private static async Task AnnounceAsync(IConferenceCall call, CallSession session, ConferenceParticipant participant, CancellationToken cancellationToken)
    {
        if (!participant.TryTakeAnnouncement(out var announcement))
        {
            return;
        }

        var result = await call.PlayAsync([new AudioPrompt(session.Resolve(announcement.Url))], interruptOnDigit: false, cancellationToken);
        participant.Room.ReportAnnouncement(result.Failures.Count == 0, participant, result.Failures.Count > 0 ? result.Failures[0].Message : null);
    }

    private static RcmlHttpMethod MethodOf(string method) =>
        string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) ? RcmlHttpMethod.Post : RcmlHttpMethod.Get;

    private static string Why(JoinRefusal refusal, Conference room) => refusal switch
    {
        JoinRefusal.Full => $"it is full: maxParticipants {room.MaxParticipants}",
        JoinRefusal.LabelTaken => "another participant has that participantLabel",
        JoinRefusal.AlreadyIn => "the call is in it already",
        _ => "it ended meanwhile",
    };

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Execution + 101, Level = LogLevel.Information, Message = "Left conference {FriendlyName} ({Reason}) after {Seconds} s")]
    private partial void LogLeft(string friendlyName, string reason, int seconds);
}
