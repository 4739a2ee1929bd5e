namespace RcmlEngine.Queues;

/// <summary>
/// The state of the call queues: queues by account and friendly name, and their callers first in, first out.
/// Every change is atomic, so two agents taking the front never get the same caller. One place for queue state,
/// which the multi-node work can move to Redis; this node's calls themselves stay with the executors.
/// </summary>
internal interface IQueueStore
{
    /// <summary>The queue named <paramref name="friendlyName"/>, created with <paramref name="maxSize"/> when there is none (Enqueue, Dial Queue).</summary>
    QueueInfo Open(string accountSid, string friendlyName, int maxSize = QueueLimits.DefaultMaxSize);

    /// <summary>A new queue (the API); null when the account has one of that name already.</summary>
    QueueInfo? Create(string accountSid, string friendlyName, int maxSize);

    /// <summary>A queue by sid, or null.</summary>
    QueueInfo? Find(string accountSid, string queueSid);

    /// <summary>The account's queues, oldest first.</summary>
    IReadOnlyList<QueueInfo> List(string accountSid);

    /// <summary>Renames or resizes a queue (nulls keep the value); null when there is no such queue or the name is taken.</summary>
    QueueInfo? Update(string accountSid, string queueSid, string? friendlyName, int? maxSize);

    /// <summary>Deletes a queue; false when there is none. Its callers are dropped from it (their calls go on waiting for nothing).</summary>
    bool Delete(string accountSid, string queueSid);

    /// <summary>Adds <paramref name="callSid"/> at the back, unless the queue holds <paramref name="maxSize"/> (or its own maximum) already.</summary>
    QueueJoin Join(string queueSid, string callSid, int? maxSize = null);

    /// <summary>The callers waiting, front first.</summary>
    IReadOnlyList<QueueMember> Members(string queueSid);

    /// <summary>One caller waiting, or null.</summary>
    QueueMember? FindMember(string queueSid, string callSid);

    /// <summary>Takes the caller at the front out of the queue, or null when it is empty.</summary>
    QueueMember? TakeFront(string queueSid);

    /// <summary>Takes the front caller, waiting for one to join while the queue is empty; cancelled by <paramref name="cancellationToken"/>.</summary>
    Task<QueueMember> TakeNextAsync(string queueSid, CancellationToken cancellationToken);

    /// <summary>Takes a given caller out of the queue (the API's dequeue, a caller who leaves or hangs up); null when it is not there.</summary>
    QueueMember? Take(string queueSid, string callSid);
}
