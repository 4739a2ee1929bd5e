namespace RcmlEngine.Webhooks.Callbacks;

/// <summary>
/// One call's callbacks in order, and whether a worker is delivering them. Guarded by the dispatcher's
/// lock; the head stays queued until delivered or given up, so order holds across failures.
/// </summary>
internal sealed class CallbackQueue(string key)
{
    /// <summary>The CallSid (or other ordering key).</summary>
    public string Key { get; } = key;

    /// <summary>Callbacks not yet delivered, oldest first.</summary>
    public Queue<PendingCallback> Items { get; } = new();

    /// <summary>The worker delivering this queue, while there is one.</summary>
    public Task? Worker { get; set; }
}
