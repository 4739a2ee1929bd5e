using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.Transactions;

/// <summary>
/// INVITE server transaction (RFC 3261 17.2.1, RFC 6026 7.1): Proceeding, then Accepted after a
/// 2xx (timer L; the TU retransmits the 2xx and gets the ACK), or Completed after a 3xx-6xx
/// (timer G retransmits, H gives up, I absorbs ACK retransmissions).
/// </summary>
internal sealed class SipInviteServerTransaction : SipServerTransaction
{
    private SipTimer? _timerG;
    private SipTimer? _timerH;
    private TimeSpan _intervalG;

    public SipInviteServerTransaction(SipTransactionLayer layer, SipRequest request, SipRemote source, string key)
        : base(layer, request, source, key) => State = SipTransactionState.Proceeding;

    /// <summary>Set when the UAS sent a 3xx-6xx and the ACK never came (timer H).</summary>
    public Action? AckTimedOut { get; set; }

    protected override bool Accepts(SipResponse response) =>
        State == SipTransactionState.Proceeding || (State == SipTransactionState.Accepted && response.IsSuccess);

    protected override void EnterStateFor(SipResponse response)
    {
        if (response.IsProvisional || State == SipTransactionState.Accepted)
        {
            return;
        }

        if (response.IsSuccess)
        {
            State = SipTransactionState.Accepted;
            Layer.Queue.Schedule(Timers.TransactionTimeout, TerminateLocked);
            return;
        }

        State = SipTransactionState.Completed;
        if (!IsReliable)
        {
            _intervalG = Timers.T1;
            _timerG = Layer.Queue.Schedule(_intervalG, FireG);
        }

        _timerH = Layer.Queue.Schedule(Timers.TransactionTimeout, FireH);
    }

    /// <summary>The ACK for a non-2xx final response (RFC 3261 17.2.1): stop retransmitting, wait timer I.</summary>
    internal void OnAck(SipRequest ack, SipRemote source)
    {
        lock (Sync)
        {
            if (State != SipTransactionState.Completed)
            {
                return;
            }

            State = SipTransactionState.Confirmed;
            _timerG?.Cancel();
            _timerH?.Cancel();
            Layer.Queue.Schedule(IsReliable ? TimeSpan.Zero : Timers.T4, TerminateLocked);
        }
    }

    private void FireG()
    {
        lock (Sync)
        {
            if (State != SipTransactionState.Completed)
            {
                return;
            }

            Resend();
            _intervalG = TimeSpan.FromTicks(Math.Min(_intervalG.Ticks * 2, Timers.T2.Ticks));
            _timerG = Layer.Queue.Schedule(_intervalG, FireG);
        }
    }

    private void FireH()
    {
        Action? notify = null;
        lock (Sync)
        {
            if (State == SipTransactionState.Completed)
            {
                _timerG?.Cancel();
                Terminate();
                notify = AckTimedOut;
            }
        }

        notify?.Invoke();
    }
}
