using RcmlEngine.Calls.Dialing;

namespace RcmlEngine.Execution.Queueing;

/// <summary>
/// A caller of this node waiting in a queue, as the agent that takes it (or the API) reaches it: taken once,
/// ready for the bridge once its dequeue document has run, released when the bridge ends. The queue's state
/// itself is the store's; this is the handshake between the two calls' executors. Thread-safe.
/// </summary>
internal sealed class QueueWaiter : IDisposable
{
    private readonly TaskCompletionSource<QueueTaking> _taken = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _leaving = new();

    /// <summary>A waiting caller of <paramref name="callSid"/> in <paramref name="queueSid"/>.</summary>
    public QueueWaiter(string callSid, string queueSid, IBridgeableCall call)
    {
        CallSid = callSid;
        QueueSid = queueSid;
        Call = call;

        // Taken now: the agent reads it after the caller may have hung up (and disposed the source).
        Leaving = _leaving.Token;
    }

    /// <summary>The caller's run (for the agent's inbound-call notification: its <c>contact_ref</c>).</summary>
    public CallSession? Session { get; init; }

    /// <summary>The caller's call sid.</summary>
    public string CallSid { get; }

    /// <summary>The queue it waits in.</summary>
    public string QueueSid { get; }

    /// <summary>The caller's call, bridged by the agent.</summary>
    public IBridgeableCall Call { get; }

    /// <summary>Completes when an agent or the API takes the caller; cancelled when the caller left first.</summary>
    public Task<QueueTaking> Taken => _taken.Task;

    /// <summary>True once the caller can be bridged (its dequeue document ran); false when it left meanwhile.</summary>
    public Task<bool> Ready => _ready.Task;

    /// <summary>Completes when the agent's bridge ends: true when it was bridged, false when the agent went before.</summary>
    public Task<bool> Released => _released.Task;

    /// <summary>Cancelled when the caller's executor stops (hang-up, a redirect): the agent ends its bridge.</summary>
    public CancellationToken Leaving { get; }

    /// <summary>Takes the caller; false when someone else did, or it left.</summary>
    public bool TryTake(QueueTaking taking) => _taken.TrySetResult(taking);

    /// <summary>The caller leaves on its own (Leave, Hangup); false when it was taken already.</summary>
    public bool TryLeave() => _taken.TrySetCanceled();

    /// <summary>The caller's answer to the agent: ready for the bridge, or gone.</summary>
    public void SetReady(bool ready) => _ready.TrySetResult(ready);

    /// <summary>The agent is done with the caller.</summary>
    public void Release(bool bridged) => _released.TrySetResult(bridged);

    /// <summary>The caller's executor stops: whoever waits on it is told.</summary>
    public void Dispose()
    {
        _taken.TrySetCanceled();
        _ready.TrySetResult(false);
        _leaving.Cancel();
        _leaving.Dispose();
    }
}
