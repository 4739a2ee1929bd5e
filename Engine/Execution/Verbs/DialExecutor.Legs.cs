using RcmlEngine.Calls;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Execution.Control;
using RcmlEngine.Execution.Dialing;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>Placing the legs, the bridge, and the status of a Dial nobody answered.</summary>
internal sealed partial class DialExecutor
{
    // Every SIP leg of every party, started now; parties that cannot be called are reported.
    private Placement PlaceLegs(DialVerb verb, IReadOnlyList<DialParty> parties, CallSession session, ICallDialer callDialer)
    {
        var placement = new Placement();
        for (var index = 0; index < parties.Count; index++)
        {
            var party = parties[index];
            var which = parties.Count == 1 ? $"<{party.Element}>" : $"<{party.Element}> (party {index + 1} of {parties.Count})";
            var request = new DialRequest
            {
                Target = party.Target,
                Kind = party.Kind,
                Info = new CallInfo
                {
                    CallSid = TwilioSid.NewCallSid(),
                    AccountSid = session.Account.AccountSid,
                    From = verb.CallerId ?? session.Call.Info.From,
                    To = party.Target,
                    Direction = CallDirection.OutboundDial,
                    ParentCallSid = session.CallSid,
                },
                CallerId = verb.CallerId,
                Username = party.Username,
                Password = party.Password,
                RingTimeout = verb.Timeout,
                Headers = HeadersOf(party),
            };
            var expansion = callDialer.Expand(request);
            if (expansion.Failed)
            {
                Unavailable(session, party, which, expansion.Error!);
                placement.Failures.Add(expansion.FailureStatus);
                continue;
            }

            for (var i = 0; i < expansion.Requests.Count; i++)
            {
                // A client's second registration is a leg of its own, with a sid of its own.
                var leg = i == 0 ? expansion.Requests[i] : expansion.Requests[i] with { Info = expansion.Requests[i].Info with { CallSid = TwilioSid.NewCallSid() } };
                try
                {
                    var placed = new DialLeg(party, callDialer.Dial(leg));
                    placed.Callbacks = callbacks.Attach(placed, session);
                    placed.Record = records?.Track(placed.Call);
                    placed.Listing = live?.Add(new LiveCall(placed.Call, session.Account.AccountSid, Control: null, Application: null));
                    placement.Legs.Add(placed);
                }
                catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
                {
                    Unavailable(session, party, which, exception.Message);
                    placement.Failures.Add(DialStatus.Failed);
                }
            }
        }

        return placement;
    }

    // A Client's Parameters as X- headers; those that cannot be sent are named in a warning.
    private IReadOnlyList<KeyValuePair<string, string>> HeadersOf(DialParty party)
    {
        if (party.Parameters.Count == 0)
        {
            return [];
        }

        var (headers, skipped) = ClientParameterHeaders.Of(party.Parameters);
        foreach (var (name, reason) in skipped)
        {
            LogParameterSkipped(party.Element, name, reason);
        }

        return headers;
    }

    // Which party (by position, not by number: numbers are logged at Trace only) and why.
    private void Unavailable(CallSession session, DialParty party, string which, string error)
    {
        LogUnavailable(party.Element, error);
        reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.DialTargetUnavailable,
            $"Dial could not call {which}: {error}"));
    }

    // Nobody won: a declined screening counts as no-answer; else the most telling leg status
    // (no-answer, then busy, then failed), as one party's status would be.
    private static (DialStatus Status, DialLeg? Reported) Failure(Placement placement)
    {
        if (placement.Legs.FirstOrDefault(l => l.Screening is ScreeningResult.Refused or ScreeningResult.CalleeHungUp) is { } declined)
        {
            return (DialStatus.NoAnswer, declined);
        }

        DialStatus[] order = [DialStatus.NoAnswer, DialStatus.Busy, DialStatus.Failed, DialStatus.Canceled];
        foreach (var status in order)
        {
            if (placement.Legs.FirstOrDefault(l => l.Outcome?.Status == status) is { } leg)
            {
                return (status, leg);
            }

            if (placement.Failures.Contains(status))
            {
                return (status, null);
            }
        }

        // Answered legs that ended before winning (the callee hung up during its sendDigits).
        return (DialStatus.NoAnswer, placement.Legs.FirstOrDefault());
    }

    // Until either side hangs up, the time limit, or the caller's * (hangupOnStar); the callee is hung up after.
    // A transfer (REFER) breaks it too: both stay up and the handover says what follows.
    private async Task<DialHandover?> BridgeAsync(DialVerb verb, CallSession session, IBridgeableCall caller, DialLeg winner, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(verb.TimeLimit, time);
        using var bridge = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        var watched = new DialBridge(session, verb, caller, winner, bridge);
        var transferring = transfers?.Watch(watched);
        caller.Digits.Clear();
        var star = verb.HangupOnStar ? WatchStarAsync(caller, bridge) : Task.CompletedTask;
        LogBridged(winner.CallSid);
        try
        {
            await caller.BridgeAsync(winner.Call, bridge.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The time limit, or the caller's *: the callee is hung up and the caller goes on.
        }
        finally
        {
            transferring?.Dispose();
            await bridge.CancelAsync();
            await star;
        }

        if (watched.Handover is { } handover)
        {
            return handover;
        }

        if (!winner.Call.Lifecycle.IsEnded)
        {
            await winner.Call.HangUpAsync(CancellationToken.None);
        }

        return null;
    }

    private static async Task WatchStarAsync(IBridgeableCall caller, CancellationTokenSource bridge)
    {
        try
        {
            while (true)
            {
                var press = await caller.Digits.ReadAsync(bridge.Token);
                if (press.Key == '*')
                {
                    await bridge.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The bridge ended otherwise.
        }
    }

    /// <summary>The legs a Dial placed and the statuses of the parties that could not be called.</summary>
    private sealed class Placement
    {
        public List<DialLeg> Legs { get; } = [];

        public List<DialStatus> Failures { get; } = [];
    }
}
