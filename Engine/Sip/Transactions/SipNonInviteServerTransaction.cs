using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.Transactions;

/// <summary>Non-INVITE server transaction (RFC 3261 17.2.2): Trying, Proceeding, Completed with timer J.</summary>
internal sealed class SipNonInviteServerTransaction : SipServerTransaction
{
    public SipNonInviteServerTransaction(SipTransactionLayer layer, SipRequest request, SipRemote source, string key)
        : base(layer, request, source, key) => State = SipTransactionState.Trying;

    protected override bool Accepts(SipResponse response) => State is SipTransactionState.Trying or SipTransactionState.Proceeding;

    protected override void EnterStateFor(SipResponse response)
    {
        if (response.IsProvisional)
        {
            State = SipTransactionState.Proceeding;
            return;
        }

        State = SipTransactionState.Completed;
        Layer.Queue.Schedule(IsReliable ? TimeSpan.Zero : Timers.TransactionTimeout, TerminateLocked);
    }
}
