using RcmlEngine.Calls.Dialing;

namespace RcmlEngine.Execution.Dialing;

/// <summary>
/// Attended transfer (RFC 5589 7, RFC 3891): the transferor holds two calls through the engine (A with B,
/// A with C) and REFERs one with <c>Replaces</c> naming the other. Both parties are the engine's own legs,
/// so no INVITE goes out: both bridges break, B and C are bridged together, the REFER gets NOTIFY 200,
/// and the transferor's two legs are released. Each Dial ends <c>completed</c>; a Dial whose caller stays
/// waits for the new bridge's end before its action.
/// </summary>
internal sealed partial class DialTransfers
{
    private async Task AttendedAsync(DialBridge bridge, Calls.Dialing.IBridgeableCall transferor, DialBridge other, IBridgeableCall replaced, CallTransferRequest request, CancellationToken cancellationToken)
    {
        if (!bridge.TryClaim())
        {
            request.Decline(491);
            return;
        }

        if (!other.TryClaim())
        {
            bridge.Unclaim();
            request.Decline(491);
            return;
        }

        await request.AcceptAsync(cancellationToken);
        var join = new DialJoin(bridge.OtherThan(transferor), other.OtherThan(replaced));
        LogAttended(join.First.Info.CallSid, join.Second.Info.CallSid, transferor.Info.CallSid, replaced.Info.CallSid);
        _ = RunJoinAsync(join, request, transferor, replaced);
        if (!bridge.Break(Handover(join, transferor, first: true, callerStays: !ReferenceEquals(transferor, bridge.Caller)))
            | !other.Break(Handover(join, replaced, first: false, callerStays: !ReferenceEquals(replaced, other.Caller))))
        {
            // A bridge ended meanwhile: the join sees that party gone and ends at once.
            join.Ready(first: true, leg: null);
            join.Ready(first: false, leg: null);
        }
    }

    private static DialHandover Handover(DialJoin join, IBridgeableCall transferor, bool first, bool callerStays) => new()
    {
        Transferor = transferor,
        CallerStays = callerStays,
        ContinueAsync = async (leg, token) =>
        {
            join.Ready(first, leg);
            if (leg is null)
            {
                // The Dial's caller stays: its Dial lasts as long as the new bridge.
                await join.Ended.WaitAsync(token);
            }
        },
    };

    // Once both bridges are down: NOTIFY 200, release the transferor's two legs, bridge the two that stay.
    private async Task RunJoinAsync(DialJoin join, CallTransferRequest request, IBridgeableCall transferor, IBridgeableCall replaced)
    {
        try
        {
            await join.BothReady;
            _ = TransferNotice.ReleaseAsync(request, transferor, 200, time);
            await replaced.HangUpAsync(CancellationToken.None);
            if (!join.First.Lifecycle.IsEnded && !join.Second.Lifecycle.IsEnded)
            {
                await join.First.BridgeAsync(join.Second, CancellationToken.None);
            }
        }
#pragma warning disable CA1031 // A detached bridge must never take the host down.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogTransferFailed(exception);
        }
        finally
        {
            await join.EndAsync();
        }
    }
}
