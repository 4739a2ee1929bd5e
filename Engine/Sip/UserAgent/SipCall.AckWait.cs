using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;

namespace RcmlEngine.Sip.UserAgent;

internal abstract partial class SipCall
{
    private readonly Dictionary<long, AckWait> _ackWaits = [];

    /// <summary>
    /// RFC 3261 13.3.1.4: sends a 2xx to an INVITE and retransmits it (T1 doubling to T2) until the
    /// ACK with the same CSeq arrives, or 64*T1 pass. True when the ACK came.
    /// </summary>
    protected Task<bool> SendSuccessUntilAckAsync(SipServerTransaction transaction, SipResponse response)
    {
        var cseq = transaction.Request.CSeq!.Value.Number;
        var wait = new AckWait(this, transaction, response);
        lock (_ackWaits)
        {
            _ackWaits[cseq] = wait;
        }

        Stack.Respond(transaction, response);
        wait.Arm();
        return wait.Acked.Task;
    }

    /// <summary>An ACK for a 2xx reached this call's dialog.</summary>
    internal void OnAck(SipRequest ack)
    {
        AckWait? wait;
        lock (_ackWaits)
        {
            if (!_ackWaits.Remove(ack.CSeq!.Value.Number, out wait))
            {
                return;
            }
        }

        if (!ack.Body.IsEmpty)
        {
            RemoteBody = BodyOf(ack);
        }

        wait.Stop(true);
    }

    private void ForgetAckWait(long cseq)
    {
        lock (_ackWaits)
        {
            _ackWaits.Remove(cseq);
        }
    }

    private sealed class AckWait(SipCall call, SipServerTransaction transaction, SipResponse response)
    {
        private readonly DateTimeOffset _deadline = call.Stack.Time.GetUtcNow() + call.Stack.Options.Timers.TransactionTimeout;
        private TimeSpan _interval = call.Stack.Options.Timers.T1;
        private SipTimer? _timer;

        public TaskCompletionSource<bool> Acked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Arm() => _timer = call.Stack.Queue.Schedule(_interval, Fire);

        public void Stop(bool acked)
        {
            _timer?.Cancel();
            Acked.TrySetResult(acked);
        }

        private void Fire()
        {
            if (Acked.Task.IsCompleted)
            {
                return;
            }

            if (call.Stack.Time.GetUtcNow() >= _deadline)
            {
                call.ForgetAckWait(transaction.Request.CSeq!.Value.Number);
                Stop(false);
                return;
            }

            transaction.SendResponse(response);
            var timers = call.Stack.Options.Timers;
            _interval = TimeSpan.FromTicks(Math.Min(_interval.Ticks * 2, timers.T2.Ticks));
            Arm();
        }
    }
}
