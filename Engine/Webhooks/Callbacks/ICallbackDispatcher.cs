namespace RcmlEngine.Webhooks.Callbacks;

/// <summary>
/// Takes a call's callbacks and delivers them in order, one call independent of the others. Enqueueing
/// never waits on the network or the disk: a slow or dead receiver never delays the call. Callbacks are
/// persisted until delivered (at least once; a restart delivers what was left).
/// </summary>
internal interface ICallbackDispatcher
{
    /// <summary>
    /// Enqueues a status callback of <paramref name="callSid"/>: adds <c>SequenceNumber</c> (from 0, per
    /// call and callback URL, over the events enqueued), <c>Timestamp</c> (RFC 2822, UTC, now) and
    /// <c>CallbackSource=call-progress-events</c>, unless the parameters already have them.
    /// </summary>
    /// <returns>False when the queue is full (<see cref="CallbackQueueOptions.MaxPending"/>) or stopped; it is logged.</returns>
    bool EnqueueStatus(string callSid, WebhookRequest request);

    /// <summary>
    /// Enqueues any other callback of <paramref name="callSid"/> (an action after hang-up, a recording
    /// status callback), ordered with the call's status callbacks, parameters as given.
    /// </summary>
    /// <returns>False when the queue is full or stopped; it is logged.</returns>
    bool Enqueue(string callSid, WebhookRequest request);

    /// <summary>The call has ended: forget its sequence numbers (its queued callbacks are still delivered).</summary>
    void Complete(string callSid);
}
