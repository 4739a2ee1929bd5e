using RcmlEngine.Calls.Dialing;

namespace RcmlEngine.Calls.ClickToCall;

internal sealed partial class ClickToCallService
{
    private async Task RunAsync(ClickToCallSetup setup)
    {
        var cancellationToken = _stopping.Token;
        var request = setup.Request;
        IOutboundCall? calling = null;
        try
        {
            calling = Place(request.Calling, CallingRequest(request), out var failure);
            if (calling is null)
            {
                setup.Fail(null, null, $"callingParty '{request.CallingText}' cannot be called: {failure}");
                return;
            }

            setup.SetCalls(calling.Info.CallSid);
            calling.Progress += (_, e) => setup.Advance(ClickToCallState.Ringing, e.SipStatusCode, null);
            var outcome = await calling.Outcome.WaitAsync(cancellationToken);
            if (!outcome.IsAnswered)
            {
                setup.Fail(CodeOf(outcome), outcome.Reason, $"callingParty '{request.CallingText}' did not answer ({Words(outcome.Status)})");
                return;
            }

            setup.Advance(ClickToCallState.Answered, outcome.SipStatusCode, outcome.Reason);
            await ConnectAsync(setup, calling, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            setup.Fail(null, null, "the engine stopped before the setup finished");
        }
#pragma warning disable CA1031 // A setup that goes wrong is reported in its status; it must not take the host down.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogSetupError(calling?.Info.CallSid, exception);
            setup.Fail(null, null, "the setup failed: " + exception.Message);
        }
        finally
        {
            if (calling is not null)
            {
                await calling.DisposeAsync();
            }

            setup.End();
            var status = setup.Snapshot();
            LogEnded(status.CallSid, status.State, status.Mode, status.SipCode);
        }
    }

    // Transfers the answered calling party, or bridges it when its phone refuses transfers.
    private async Task ConnectAsync(ClickToCallSetup setup, IOutboundCall calling, CancellationToken cancellationToken)
    {
        var request = setup.Request;
        var expansion = dialer!.Expand(CalledRequest(request, calling.Info.CallSid));
        if (expansion.Failed)
        {
            setup.Fail(null, null, $"calledParty '{request.CalledText}' cannot be called: {expansion.Error}");
            return;
        }

        var target = expansion.Requests[0];
        if (calling is not IReferableCall referable)
        {
            await BridgeAsync(setup, calling, target, cancellationToken);
            return;
        }

        var final = new TaskCompletionSource<TransferProgressEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        referable.TransferProgress += (_, e) =>
        {
            LogTransferProgress(calling.Info.CallSid, e.StatusCode, e.ReasonPhrase, e.IsFinal);
            OnTransferProgress(setup, final, e);
        };
        var answer = await referable.ReferAsync(target.Target, cancellationToken);
        if (answer.IsRefusal)
        {
            LogReferRefused(calling.Info.CallSid, answer.StatusCode);
            await BridgeAsync(setup, calling, target, cancellationToken);
            return;
        }

        if (!answer.IsAccepted)
        {
            setup.Fail(answer.StatusCode, answer.ReasonPhrase, $"callingParty '{request.CallingText}' did not accept the transfer");
            return;
        }

        setup.Advance(ClickToCallState.Referred, answer.StatusCode, answer.ReasonPhrase);

        // The phone reports its own call (NOTIFY); it usually hangs up our leg once connected (RFC 5589).
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, calling.Lifecycle.Ended);
        bound.CancelAfter(request.Timeout + TransferGrace);
        try
        {
            await final.Task.WaitAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            if (!final.Task.IsCompleted && !calling.Lifecycle.IsEnded)
            {
                setup.Fail(null, null, "the transferred phone never reported how its call to calledParty went");
            }
        }
    }

    private static void OnTransferProgress(ClickToCallSetup setup, TaskCompletionSource<TransferProgressEventArgs> final, TransferProgressEventArgs e)
    {
        switch (e.StatusCode)
        {
            case >= 300:
                setup.Fail(e.StatusCode, e.ReasonPhrase, $"calledParty '{setup.Request.CalledText}' was not reached by the transferred phone");
                break;
            case >= 200:
                setup.Advance(ClickToCallState.Connected, e.StatusCode, e.ReasonPhrase);
                break;
            case > 100:
                setup.Advance(ClickToCallState.TransferRinging, e.StatusCode, e.ReasonPhrase);
                break;
            default:
                break;
        }

        if (e.IsFinal || e.StatusCode >= 200)
        {
            final.TrySetResult(e);
        }
    }

    // RFC 3725 flow I in spirit: the engine calls calledParty itself and joins the two legs' audio.
    private async Task BridgeAsync(ClickToCallSetup setup, IOutboundCall calling, DialRequest target, CancellationToken cancellationToken)
    {
        var request = setup.Request;
        setup.SetMode(ClickToCallMode.Bridged);
        await using var called = dialer!.Dial(target);
        setup.SetCalls(null, called.Info.CallSid);
        called.Progress += (_, e) => setup.Advance(ClickToCallState.TransferRinging, e.SipStatusCode, null);
        using var callingEnded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, calling.Lifecycle.Ended);
        DialOutcome outcome;
        try
        {
            outcome = await called.Outcome.WaitAsync(callingEnded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            setup.Fail(null, null, $"callingParty '{request.CallingText}' hung up before calledParty answered");
            return;
        }

        if (!outcome.IsAnswered)
        {
            setup.Fail(CodeOf(outcome), outcome.Reason, $"calledParty '{request.CalledText}' did not answer ({Words(outcome.Status)})");
            return;
        }

        setup.Advance(ClickToCallState.Connected, outcome.SipStatusCode, outcome.Reason);
        LogBridged(calling.Info.CallSid, called.Info.CallSid);
        await calling.BridgeAsync(called, cancellationToken);
    }

    private IOutboundCall? Place(ClickToCallParty party, DialRequest request, out string? failure)
    {
        var expansion = dialer!.Expand(request);
        if (expansion.Failed)
        {
            failure = expansion.Error;
            LogPlaceFailed(party.Kind);
            return null;
        }

        try
        {
            failure = null;

            // A client registered from several phones is rung at its first registration (as the REST API's calls are).
            return dialer.Dial(expansion.Requests[0]);
        }
        catch (ArgumentException exception)
        {
            failure = exception.Message;
        }
        catch (InvalidOperationException exception)
        {
            failure = exception.Message;
        }

        LogPlaceFailed(party.Kind);
        return null;
    }

    private static DialRequest CallingRequest(ClickToCallRequest request) => new()
    {
        Target = request.Calling.Target,
        Kind = request.Calling.Kind,
        Info = new CallInfo
        {
            CallSid = TwilioSid.NewCallSid(),
            AccountSid = request.AccountSid,
            From = request.Agent,
            To = request.Calling.Kind == DialTargetKind.Client ? "client:" + request.Calling.Target : request.Calling.Target,
            Direction = CallDirection.OutboundApi,
        },
        CallerId = request.Agent,
        Headers = request.Subject is { } subject ? [new("Subject", subject)] : [],
        RingTimeout = request.Timeout,
        FollowRedirects = request.ForwardingAllowed,
    };

    // The called party as the calling party would reach it: it is the Refer-To, or the engine's own leg when bridged.
    private static DialRequest CalledRequest(ClickToCallRequest request, string parentCallSid) => new()
    {
        Target = request.Called.Target,
        Kind = request.Called.Kind,
        Info = new CallInfo
        {
            CallSid = TwilioSid.NewCallSid(),
            AccountSid = request.AccountSid,
            From = request.Calling.Target,
            To = request.Called.Kind == DialTargetKind.Client ? "client:" + request.Called.Target : request.Called.Target,
            Direction = CallDirection.OutboundApi,
            ParentCallSid = parentCallSid,
        },
        CallerId = request.Calling.Target,
        RingTimeout = request.Timeout,
    };

    private static int? CodeOf(DialOutcome outcome) => outcome.SipStatusCode == 0 ? null : outcome.SipStatusCode;

    private static string Words(DialStatus status) => status switch
    {
        DialStatus.Busy => "busy",
        DialStatus.NoAnswer => "no answer",
        DialStatus.Canceled => "canceled",
        DialStatus.Answered => "answered",
        _ => "failed",
    };
}
