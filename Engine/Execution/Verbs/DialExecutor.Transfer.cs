using RcmlEngine.Calls.Dialing;
using RcmlEngine.Execution.Dialing;

namespace RcmlEngine.Execution.Verbs;

/// <summary>After a transfer (REFER) broke the bridge; and the outcome a referUrl document's Dial reports.</summary>
internal sealed partial class DialExecutor
{
    // The caller stays: it goes on with the handover (the referUrl document, or the attended bridge), then
    // with the Dial's action. The dialed party stays: the handover owns its leg and runs on its own, and
    // the caller (the transferor) waits here until it is released, so the action is requested as for a
    // caller that hung up. Either way DialCallStatus is completed: the bridge was answered.
    private async Task FollowAsync(DialHandover handover, IBridgeableCall caller, DialLeg winner, CancellationToken cancellationToken)
    {
        if (handover.CallerStays)
        {
            await handover.ContinueAsync(null, cancellationToken);
            return;
        }

        _ = handover.ContinueAsync(winner, CancellationToken.None);
        using var released = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, caller.Lifecycle.Ended);
        await Task.Delay(Timeout.InfiniteTimeSpan, time, released.Token);
    }

    // The first Dial of a referUrl document tells the transferor how the transfer went (final NOTIFY).
    private static void ReportTransfer(CallSession session, DialStatus status, DialLeg? leg)
    {
        if (session.PendingTransfer is { } notice)
        {
            session.PendingTransfer = null;
            notice.Resolve(TransferNotice.SipStatusOf(status, leg?.SipResponseCode ?? 0));
        }
    }
}
