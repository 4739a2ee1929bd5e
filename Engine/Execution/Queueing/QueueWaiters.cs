using System.Collections.Concurrent;

namespace RcmlEngine.Execution.Queueing;

/// <summary>The callers of this node waiting in queues, by call sid.</summary>
internal sealed class QueueWaiters
{
    private readonly ConcurrentDictionary<string, QueueWaiter> _waiters = new(StringComparer.Ordinal);

    /// <summary>Adds a waiting caller (before it joins the store, so whoever takes it finds it).</summary>
    public void Add(QueueWaiter waiter)
    {
        ArgumentNullException.ThrowIfNull(waiter);
        _waiters[waiter.CallSid] = waiter;
    }

    /// <summary>The waiting caller of <paramref name="callSid"/>, or null.</summary>
    public QueueWaiter? Find(string callSid) => _waiters.TryGetValue(callSid, out var waiter) ? waiter : null;

    /// <summary>Forgets a caller that stopped waiting.</summary>
    public void Remove(QueueWaiter waiter)
    {
        ArgumentNullException.ThrowIfNull(waiter);
        _waiters.TryRemove(new KeyValuePair<string, QueueWaiter>(waiter.CallSid, waiter));
    }
}
