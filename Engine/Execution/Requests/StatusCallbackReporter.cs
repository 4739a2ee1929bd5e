using System.Globalization;
using RcmlEngine.Calls;
using RcmlEngine.Execution.Control;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Execution.Requests;

/// <summary>
/// Turns a call's lifecycle into the application's status callbacks: <c>initiated</c>, <c>ringing</c>,
/// <c>answered</c> (CallStatus <c>in-progress</c>) and <c>completed</c> (whatever the final status, with
/// <c>CallDuration</c>), each when configured in <see cref="CallApplication.StatusCallbackEvent"/>. The
/// dispatcher adds <c>SequenceNumber</c>, <c>Timestamp</c> and <c>CallbackSource</c>, keeps them in order,
/// and delivers them without ever delaying the call.
/// </summary>
internal sealed class StatusCallbackReporter(ICallbackDispatcher dispatcher)
{
    /// <summary>Reports <paramref name="call"/>'s changes (past ones first) until disposed.</summary>
    public IDisposable Attach(ICall call, CallApplication application, CallAccount account) =>
        Attach(call, new CallApplicationHolder(application), account);

    /// <summary>
    /// Reports <paramref name="call"/>'s changes (past ones first) until disposed, each to the status
    /// callback <paramref name="application"/> names at the time of the change.
    /// </summary>
    public IDisposable Attach(ICall call, CallApplicationHolder application, CallAccount account)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(account);
        return call.Lifecycle.Subscribe(change => OnChange(call, application.Current, account, change));
    }

    private void OnChange(ICall call, CallApplication application, CallAccount account, CallStatusChange change)
    {
        var callSid = call.Info.CallSid;
        var wanted = EventOf(change.Status);
        if (application.StatusCallback is { } url && (application.StatusCallbackEvent & wanted) != 0)
        {
            var parameters = CallParameters.Standard(call, change.Status);
            if (change.Status.IsFinal())
            {
                parameters.Add(new("CallDuration", call.Lifecycle.DurationSeconds.ToString(CultureInfo.InvariantCulture)));
            }

            var request = new WebhookRequest(url, application.StatusCallbackMethod.ToWebhookMethod(), parameters, account.AuthToken);
            dispatcher.EnqueueStatus(callSid, request);
        }

        if (change.Status.IsFinal())
        {
            dispatcher.Complete(callSid);
        }
    }

    private static CallProgressEvents EventOf(CallStatus status) => status switch
    {
        CallStatus.Initiated => CallProgressEvents.Initiated,
        CallStatus.Ringing => CallProgressEvents.Ringing,
        CallStatus.InProgress => CallProgressEvents.Answered,
        _ when status.IsFinal() => CallProgressEvents.Completed,
        _ => CallProgressEvents.None,
    };
}
