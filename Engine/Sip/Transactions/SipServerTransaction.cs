using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.Transactions;

/// <summary>
/// A server transaction (RFC 3261 17.2): receives one request, absorbs its retransmissions by
/// repeating the last response, and sends the transaction user's responses back along the Via.
/// </summary>
internal abstract class SipServerTransaction
{
    protected SipServerTransaction(SipTransactionLayer layer, SipRequest request, SipRemote source, string key)
    {
        Layer = layer;
        Request = request;
        Source = source;
        Key = key;
        ResponseTarget = SipTransportLayer.ResponseTarget(request.TopVia, source);
    }

    public SipRequest Request { get; }

    /// <summary>Where the request came from (transport, address, TCP connection).</summary>
    public SipRemote Source { get; }

    public string Key { get; }

    public SipTransactionState State { get; protected set; }

    /// <summary>The last response sent, or null.</summary>
    public SipResponse? LastResponse { get; private set; }

    /// <summary>True once a final response has been sent.</summary>
    public bool HasFinalResponse => LastResponse is { IsProvisional: false };

    protected SipTransactionLayer Layer { get; }

    protected Lock Sync { get; } = new();

    protected SipTimers Timers => Layer.Timers;

    protected bool IsReliable => Source.IsReliable;

    protected SipRemote ResponseTarget { get; }

    protected byte[]? LastBytes { get; private set; }

    /// <summary>Sends a response; ignored once a final response is out (except 2xx repeats in Accepted).</summary>
    public void SendResponse(SipResponse response)
    {
        lock (Sync)
        {
            if (!Accepts(response))
            {
                return;
            }

            LastResponse = response;
            LastBytes = SipWriter.ToBytes(response);

            // Enter the next state and arm its timers before the bytes leave: the peer's reaction
            // (an ACK, or a test advancing a fake clock) must never find the previous state.
            EnterStateFor(response);
            Layer.Transport.Trace?.OnMessage(response, outgoing: true, ResponseTarget);
            Layer.Send(ResponseTarget, LastBytes);
        }
    }

    /// <summary>A retransmission of the request arrived.</summary>
    internal void OnRetransmission()
    {
        lock (Sync)
        {
            if (LastBytes is not null && State is SipTransactionState.Proceeding or SipTransactionState.Completed)
            {
                Layer.Send(ResponseTarget, LastBytes);
            }
        }
    }

    protected abstract bool Accepts(SipResponse response);

    protected abstract void EnterStateFor(SipResponse response);

    protected void Terminate()
    {
        State = SipTransactionState.Terminated;
        Layer.Remove(this);
    }

    protected void Resend()
    {
        if (LastBytes is not null)
        {
            Layer.Send(ResponseTarget, LastBytes);
        }
    }

    protected void TerminateLocked()
    {
        lock (Sync)
        {
            Terminate();
        }
    }
}
