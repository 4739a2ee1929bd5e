using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Transactions;

/// <summary>Non-INVITE client transaction (RFC 3261 17.1.2): timers E (retransmit), F (timeout) and K.</summary>
internal sealed class SipNonInviteClientTransaction : SipClientTransaction
{
    private SipTimer? _timerE;
    private SipTimer? _timerF;
    private TimeSpan _intervalE;

    public SipNonInviteClientTransaction(SipTransactionLayer layer, SipRequest request, string key)
        : base(layer, request, key) => State = SipTransactionState.Trying;

    protected override void OnSent()
    {
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            return;
        }

        if (!IsReliable)
        {
            _intervalE = Timers.T1;
            _timerE = Layer.Queue.Schedule(_intervalE, FireE);
        }

        _timerF = Layer.Queue.Schedule(Timers.TransactionTimeout, FireF);
    }

    internal override void OnResponse(SipResponse response)
    {
        var notify = false;
        lock (Sync)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return;
            }

            if (response.IsProvisional)
            {
                State = SipTransactionState.Proceeding;
                notify = true;
            }
            else
            {
                State = SipTransactionState.Completed;
                _timerE?.Cancel();
                _timerF?.Cancel();
                Layer.Queue.Schedule(IsReliable ? TimeSpan.Zero : Timers.T4, TerminateLocked);
                Complete(response);
            }
        }

        if (notify)
        {
            Notify(response);
        }
    }

    private void FireE()
    {
        lock (Sync)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return;
            }

            Retransmit();

            // RFC 3261 17.1.2.2: doubling up to T2 while Trying; every T2 once Proceeding.
            _intervalE = State == SipTransactionState.Proceeding ? Timers.T2 : TimeSpan.FromTicks(Math.Min(_intervalE.Ticks * 2, Timers.T2.Ticks));
            _timerE = Layer.Queue.Schedule(_intervalE, FireE);
        }
    }

    private void FireF()
    {
        lock (Sync)
        {
            if (State is SipTransactionState.Trying or SipTransactionState.Proceeding)
            {
                _timerE?.Cancel();
                Fail(408, "Request Timeout (no response, timer F)");
            }
        }
    }

    private void TerminateLocked()
    {
        lock (Sync)
        {
            Terminate();
        }
    }
}
