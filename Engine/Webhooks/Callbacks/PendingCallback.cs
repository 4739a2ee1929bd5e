namespace RcmlEngine.Webhooks.Callbacks;

/// <summary>A callback waiting in its queue: persisted under <see cref="Id"/> until delivered or given up.</summary>
internal sealed class PendingCallback
{
    /// <summary>The store's row id; 0 while (or if) it is not persisted.</summary>
    public long Id { get; set; }

    /// <summary>The queue it is ordered in: the CallSid for a call's callbacks.</summary>
    public required string QueueKey { get; init; }

    /// <summary>What to send, parameters complete (SequenceNumber and Timestamp included).</summary>
    public required WebhookRequest Request { get; init; }

    /// <summary>When it was enqueued; it is given up past <see cref="CallbackQueueOptions.MaxAge"/>.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Failed deliveries so far (each may have made several HTTP attempts).</summary>
    public int Attempts { get; set; }
}
