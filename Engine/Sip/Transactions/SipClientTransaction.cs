using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.Transactions;

/// <summary>
/// A client transaction (RFC 3261 17.1): sends a request, retransmits it over UDP, and reports the
/// responses. <see cref="Final"/> completes with the final response, or with a synthesized 408
/// (timer B/F) or 503 (transport error, RFC 3261 8.1.3.1).
/// </summary>
internal abstract class SipClientTransaction
{
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected SipClientTransaction(SipTransactionLayer layer, SipRequest request, string key)
    {
        Layer = layer;
        Request = request;
        Key = key;
    }

    public SipRequest Request { get; }

    public string Key { get; }

    public SipTransactionState State { get; protected set; }

    /// <summary>Where the request went (transport and address), known once sent.</summary>
    public SipRemote Target { get; private set; }

    /// <summary>Completes with the first final response (or a synthesized 408/503).</summary>
    public Task<SipResponse> Final => _final.Task;

    /// <summary>Called for each provisional response, in order.</summary>
    public Action<SipResponse>? ProvisionalReceived { get; set; }

    protected SipTransactionLayer Layer { get; }

    protected Lock Sync { get; } = new();

    protected byte[] Bytes { get; private set; } = [];

    protected SipTimers Timers => Layer.Timers;

    protected bool IsReliable => Target.IsReliable;

    internal async Task StartAsync(SipDestination destination, CancellationToken cancellationToken)
    {
        try
        {
            (Target, Bytes) = Layer.Transport.PrepareRequest(Request, destination);
            Layer.Register(this);
            await Layer.Transport.SendRawAsync(Target, Bytes, cancellationToken);
        }
        catch (SipTransportException ex)
        {
            Fail(503, $"Service Unavailable ({ex.Message})");
            return;
        }

        lock (Sync)
        {
            OnSent();
        }
    }

    internal abstract void OnResponse(SipResponse response);

    /// <summary>Runs once the request is on the wire: start the state machine's timers.</summary>
    protected abstract void OnSent();

    protected void Retransmit() => Layer.Send(Target, Bytes);

    protected void Complete(SipResponse response) => _final.TrySetResult(response);

    /// <summary>Ends the transaction with a synthesized final response (timeout or transport error).</summary>
    protected void Fail(int status, string reason)
    {
        Terminate();
        _final.TrySetResult(SipResponse.For(Request, status, reason));
    }

    protected void Terminate()
    {
        State = SipTransactionState.Terminated;
        Layer.Remove(this);
    }

    protected void Notify(SipResponse response) => ProvisionalReceived?.Invoke(response);
}
