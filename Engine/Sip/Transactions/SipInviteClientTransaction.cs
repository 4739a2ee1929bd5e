using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Transactions;

/// <summary>
/// INVITE client transaction (RFC 3261 17.1.1, RFC 6026 7.2): timers A (retransmit), B (timeout),
/// D (wait in Completed) and M (wait in Accepted for more 2xx). Sends the ACK for a non-2xx final
/// response itself; every 2xx goes to the transaction user, which ACKs it (RFC 3261 13.2.2.4).
/// </summary>
internal sealed class SipInviteClientTransaction : SipClientTransaction
{
    private SipTimer? _timerA;
    private SipTimer? _timerB;
    private TimeSpan _intervalA;
    private byte[]? _ack;

    public SipInviteClientTransaction(SipTransactionLayer layer, SipRequest request, string key)
        : base(layer, request, key) => State = SipTransactionState.Calling;

    /// <summary>Called for each 2xx after the first (retransmissions or forks): the UAC must ACK each one.</summary>
    public Action<SipResponse>? AdditionalSuccess { get; set; }

    protected override void OnSent()
    {
        if (State != SipTransactionState.Calling)
        {
            return;
        }

        if (!IsReliable)
        {
            _intervalA = Timers.T1;
            _timerA = Layer.Queue.Schedule(_intervalA, FireA);
        }

        _timerB = Layer.Queue.Schedule(Timers.TransactionTimeout, FireB);
    }

    internal override void OnResponse(SipResponse response)
    {
        var notifyProvisional = false;
        var notifySuccess = false;
        lock (Sync)
        {
            switch (State)
            {
                case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsProvisional:
                    State = SipTransactionState.Proceeding;
                    StopRetransmitting();
                    notifyProvisional = true;
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsSuccess:
                    // RFC 6026 7.2: Accepted, so 2xx retransmissions still reach the TU for ACKing.
                    State = SipTransactionState.Accepted;
                    StopRetransmitting();
                    Layer.Queue.Schedule(Timers.TransactionTimeout, TerminateLocked);
                    Complete(response);
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding:
                    State = SipTransactionState.Completed;
                    StopRetransmitting();
                    _ack = BuildAck(response);
                    Layer.Send(Target, _ack);
                    Layer.Queue.Schedule(IsReliable ? TimeSpan.Zero : Timers.TimerD, TerminateLocked);
                    Complete(response);
                    break;
                case SipTransactionState.Accepted when response.IsSuccess:
                    notifySuccess = true;
                    break;
                case SipTransactionState.Completed when !response.IsProvisional && _ack is not null:
                    // RFC 3261 17.1.1.2: a retransmitted final response gets the ACK again.
                    Layer.Send(Target, _ack);
                    break;
            }
        }

        if (notifyProvisional)
        {
            Notify(response);
        }

        if (notifySuccess)
        {
            AdditionalSuccess?.Invoke(response);
        }
    }

    /// <summary>RFC 3261 17.1.1.3: the ACK for a non-2xx final response, sent within this transaction.</summary>
    private byte[] BuildAck(SipResponse response)
    {
        var ack = new SipRequest(SipMethods.Ack, Request.Uri);
        ack.Headers.Add(SipHeaderNames.Via, Request.Headers.GetValues(SipHeaderNames.Via)[0]);
        foreach (var route in Request.Headers.GetValues(SipHeaderNames.Route))
        {
            ack.Headers.Add(SipHeaderNames.Route, route);
        }

        ack.Headers.Add(SipHeaderNames.MaxForwards, "70");
        ack.Headers.Add(SipHeaderNames.From, Request.Headers[SipHeaderNames.From]!);
        ack.Headers.Add(SipHeaderNames.To, response.Headers[SipHeaderNames.To] ?? Request.Headers[SipHeaderNames.To]!);
        ack.Headers.Add(SipHeaderNames.CallId, Request.CallId!);
        ack.Headers.Add(SipHeaderNames.CSeq, new SipCSeq(Request.CSeq!.Value.Number, SipMethods.Ack).ToString());
        return SipWriter.ToBytes(ack);
    }

    private void FireA()
    {
        lock (Sync)
        {
            if (State != SipTransactionState.Calling)
            {
                return;
            }

            Retransmit();
            _intervalA *= 2;
            _timerA = Layer.Queue.Schedule(_intervalA, FireA);
        }
    }

    private void FireB()
    {
        lock (Sync)
        {
            if (State != SipTransactionState.Calling)
            {
                return;
            }

            _timerA?.Cancel();
            Fail(408, "Request Timeout (no response, timer B)");
        }
    }

    private void StopRetransmitting()
    {
        _timerA?.Cancel();
        _timerB?.Cancel();
    }

    private void TerminateLocked()
    {
        lock (Sync)
        {
            Terminate();
        }
    }
}
