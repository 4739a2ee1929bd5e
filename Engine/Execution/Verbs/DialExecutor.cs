using Microsoft.Extensions.Logging;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Calls.Records;
using RcmlEngine.Diagnostics;
using RcmlEngine.Execution.Conferencing;
using RcmlEngine.Execution.Control;
using RcmlEngine.Execution.Dialing;
using RcmlEngine.Execution.Queueing;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// <c>&lt;Dial&gt;</c>: rings every party at once (its Number, Sip and Client nouns, or its text as a
/// number), each leg a call of its own (<c>Direction=outbound-dial</c>, <c>ParentCallSid</c>); the first
/// to answer (and pass its screening <c>url</c>) is bridged with the caller, the others are cancelled.
/// The caller is answered first, or with <c>answerOnBridge</c> only when the winner answers (hearing early
/// media or ringback meanwhile). The bridge ends when either side hangs up, at <c>timeLimit</c>, or when
/// the caller presses <c>*</c> with <c>hangupOnStar</c>; the caller then goes on to <c>action</c> with
/// <c>DialCallStatus</c> and the other parameters of <see cref="DialActionParameters"/>, or to the next
/// verb without one. When the caller hung up, the action is still requested (its answer is ignored).
/// </summary>
internal sealed partial class DialExecutor(
    DialScreening screening,
    DialLegCallbacks callbacks,
    IRecordingStore recordings,
    ICallbackDispatcher dispatcher,
    CallIssueReporter reporter,
    TimeProvider time,
    ILogger<DialExecutor> logger,
    ICallDialer? dialer = null,
    CallRecordKeeper? records = null,
    IRecordingCatalog? catalog = null,
    LiveCallRegistry? live = null,
    ConferenceAttendance? conferences = null,
    AgentBridgeNotifier? agents = null,
    QueueDialing? queues = null,
    DialTransfers? transfers = null) : IVerbExecutor<DialVerb>
{
    /// <inheritdoc />
    public async Task<VerbOutcome> ExecuteAsync(DialVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(session);
        if (verb.Nouns.OfType<ConferenceNoun>().FirstOrDefault() is { } conference && conferences is not null)
        {
            return await JoinConferenceAsync(verb, conference, session, conferences, cancellationToken);
        }

        if (verb.Nouns.OfType<QueueNoun>().FirstOrDefault() is { } queue && queues is not null)
        {
            var taken = await queues.DialAsync(verb, queue, session, cancellationToken);
            return taken is null ? (session.Call.Lifecycle.IsEnded ? VerbOutcome.HangUp : VerbOutcome.Continue) : Finish(verb, session, taken);
        }

        ReportUnsupportedNouns(verb, session);
        var parties = DialParty.Of(verb);
        if (parties.Count == 0)
        {
            if (verb.Nouns.Count == 0)
            {
                reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.VerbMissingContent,
                    $"<Dial> at {verb.Span} has no number and no noun to call; it was skipped"));
            }

            return VerbOutcome.Continue;
        }

        if (dialer is null || session.Call is not IBridgeableCall caller)
        {
            reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.DialNotPossible,
                $"<Dial> at {verb.Span}: this call cannot be connected to another ({(dialer is null ? "no dialer in this mode" : "the call cannot be bridged")}); it was skipped"));
            return VerbOutcome.Continue;
        }

        var hearsProgress = await OpenCallerAsync(verb, caller, cancellationToken);
        var placed = PlaceLegs(verb, parties, session, dialer);
        LogDialing(new Counted(parties.Count, "party", "parties"), new Counted(placed.Legs.Count, "leg"));
        var status = DialStatus.Failed;
        DialLeg? reported = null;
        DialLeg? winner = null;
        StoredRecording? stored = null;
        ICallRecording? recording = null;
        Task losers = Task.CompletedTask;
        DialLeg? handedOver = null;
        try
        {
            if (hearsProgress && verb.Record is DialRecording.RecordFromRinging or DialRecording.RecordFromRingingDual)
            {
                (stored, recording) = StartRecording(verb, session, caller);
            }

            if (placed.Legs.Count > 0)
            {
                winner = await new DialRinging(caller, placed.Legs, screening, session, verb.RingTone, time).RunAsync(hearsProgress, cancellationToken);
            }

            losers = Task.WhenAll(placed.Legs.Where(l => l != winner).Select(l => l.DisposeAsync().AsTask()));
            if (winner is null)
            {
                (status, reported) = Failure(placed);
                ReportTransfer(session, status, reported);
            }
            else
            {
                (status, reported) = (DialStatus.Answered, winner);
                ReportTransfer(session, status, winner);
                await caller.AnswerAsync(cancellationToken);
                if (recording is null && verb.Record is DialRecording.RecordFromAnswer or DialRecording.RecordFromAnswerDual)
                {
                    (stored, recording) = StartRecording(verb, session, caller);
                }

                recording?.Join(winner.Call);
                agents?.Bridged(session, winner);
                if (await BridgeAsync(verb, session, caller, winner, cancellationToken) is { } handover)
                {
                    handedOver = handover.CallerStays ? null : winner;
                    await FollowAsync(handover, caller, winner, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (caller.Lifecycle.IsEnded)
        {
            // The caller hung up: ringing legs get CANCEL, the answered one BYE (below).
            (status, reported) = winner is null ? (DialStatus.Canceled, placed.Legs.LastOrDefault()) : (DialStatus.Answered, winner);
        }
        finally
        {
            await Task.WhenAll(placed.Legs.Where(l => l != handedOver).Select(l => l.DisposeAsync().AsTask()));
            await losers;
        }

        var recorded = await StopRecordingAsync(verb, session, stored, recording);
        var parameters = DialActionParameters.Of(status, reported, recorded is null ? null : stored, recorded);
        if (reported is null)
        {
            LogDialEndedWithoutLeg(parameters[0].Value);
        }
        else
        {
            LogDialEnded(parameters[0].Value, reported.CallSid);
        }

        return Finish(verb, session, parameters);
    }

    // Answers the caller, or under answerOnBridge opens its early media; true when it hears the progress.
    private static async Task<bool> OpenCallerAsync(DialVerb verb, IBridgeableCall caller, CancellationToken cancellationToken)
    {
        if (!verb.AnswerOnBridge || caller.Lifecycle.IsAnswered)
        {
            await caller.AnswerAsync(cancellationToken);
            return true;
        }

        return caller is IEarlyMediaCall early && await early.StartEarlyMediaAsync(cancellationToken);
    }

    private VerbOutcome Finish(DialVerb verb, CallSession session, List<KeyValuePair<string, string>> parameters)
    {
        var callerGone = session.Call.Lifecycle.IsEnded;
        if (verb.Action is not { OriginalString.Length: > 0 } url)
        {
            return callerGone ? VerbOutcome.HangUp : VerbOutcome.Continue;
        }

        var action = session.Resolve(url);
        if (!callerGone)
        {
            return VerbOutcome.Navigate(new Navigation(action, verb.Method, parameters));
        }

        // Twilio requests the action of a Dial whose caller hung up too; nothing more runs.
        dispatcher.Enqueue(session.CallSid, session.Request(action, verb.Method, parameters));
        return VerbOutcome.HangUp;
    }

    // The caller joins the room; Dial's action runs once it leaves (the next verb when it could not join).
    private async Task<VerbOutcome> JoinConferenceAsync(DialVerb verb, ConferenceNoun conference, CallSession session, ConferenceAttendance attendance, CancellationToken cancellationToken)
    {
        var parameters = await attendance.AttendAsync(verb, conference, session, cancellationToken);
        return parameters is null
            ? (session.Call.Lifecycle.IsEnded ? VerbOutcome.HangUp : VerbOutcome.Continue)
            : Finish(verb, session, parameters);
    }

    private void ReportUnsupportedNouns(DialVerb verb, CallSession session)
    {
        foreach (var noun in verb.Nouns.Where(n => n is ConferenceNoun or QueueNoun or SipNoun { Uri: null }))
        {
            var why = noun is SipNoun ? "has no usable SIP URI" : "is not supported yet";
            reporter.Report(session, ExecutionIssue.Error(noun is SipNoun ? ExecutionErrorCode.DialTargetUnavailable : ExecutionErrorCode.VerbNotSupported,
                $"<{noun.ElementName}> in <Dial> at {noun.Span} {why}; it was skipped"));
        }
    }
}
