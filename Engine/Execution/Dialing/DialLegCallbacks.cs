using System.Globalization;
using RcmlEngine.Calls;
using RcmlEngine.Execution.Requests;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Execution.Dialing;

/// <summary>
/// A dialed leg's own progress events (its noun's <c>statusCallback</c>, <c>statusCallbackEvent</c>):
/// <c>initiated</c>, <c>ringing</c>, <c>answered</c>, <c>completed</c> with the leg's parameters (its
/// <c>CallSid</c>, <c>ParentCallSid</c>, <c>Direction=outbound-dial</c>), <c>SipResponseCode</c> and, when
/// completed, <c>CallDuration</c>. The dispatcher adds <c>SequenceNumber</c>, <c>Timestamp</c> and
/// <c>CallbackSource</c> and keeps them in order.
/// </summary>
internal sealed class DialLegCallbacks(ICallbackDispatcher dispatcher)
{
    /// <summary>Reports <paramref name="leg"/>'s changes (past ones first) until disposed; null when the party has no callback.</summary>
    public IDisposable? Attach(DialLeg leg, CallSession parent)
    {
        ArgumentNullException.ThrowIfNull(leg);
        ArgumentNullException.ThrowIfNull(parent);
        if (leg.Party.StatusCallback is not { OriginalString.Length: > 0 } url)
        {
            return null;
        }

        var target = parent.Resolve(url);
        return leg.Call.Lifecycle.Subscribe(change => OnChange(leg, parent, target, change));
    }

    private void OnChange(DialLeg leg, CallSession parent, Uri url, CallStatusChange change)
    {
        var wanted = change.Status switch
        {
            CallStatus.Initiated => CallProgressEvents.Initiated,
            CallStatus.Ringing => CallProgressEvents.Ringing,
            CallStatus.InProgress => CallProgressEvents.Answered,
            _ when change.Status.IsFinal() => CallProgressEvents.Completed,
            _ => CallProgressEvents.None,
        };
        if ((leg.Party.StatusCallbackEvent & wanted) == 0)
        {
            if (change.Status.IsFinal())
            {
                dispatcher.Complete(leg.CallSid);
            }

            return;
        }

        if (!change.Status.IsFinal())
        {
            // Answered means a 2xx, which the leg's outcome carries only a moment later.
            // Initiated precedes any response (a replayed past change must not show a later code).
            var code = change.Status switch
            {
                CallStatus.Initiated => 0,
                CallStatus.InProgress when leg.SipResponseCode < 200 => 200,
                _ => leg.SipResponseCode,
            };
            Send(leg, parent, url, change.Status, code);
            return;
        }

        // The final SIP status is known once the leg's outcome is (just after its end is marked).
        _ = leg.Call.Outcome.ContinueWith(
            outcome =>
            {
                Send(leg, parent, url, change.Status, outcome.Result.SipStatusCode);
                dispatcher.Complete(leg.CallSid);
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Send(DialLeg leg, CallSession parent, Uri url, CallStatus status, int sipResponseCode)
    {
        var call = leg.Call;
        var parameters = CallParameters.Standard(call, status);
        if (status.IsFinal())
        {
            parameters.Add(new("CallDuration", call.Lifecycle.DurationSeconds.ToString(CultureInfo.InvariantCulture)));
        }

        if (sipResponseCode > 0)
        {
            parameters.Add(new("SipResponseCode", sipResponseCode.ToString(CultureInfo.InvariantCulture)));
        }

        var request = new WebhookRequest(url, leg.Party.StatusCallbackMethod.ToWebhookMethod(), parameters, parent.Account.AuthToken);
        dispatcher.EnqueueStatus(leg.CallSid, request);
    }
}
