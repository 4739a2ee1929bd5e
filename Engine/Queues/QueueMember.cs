namespace RcmlEngine.Queues;

/// <summary>A caller waiting in a queue, as it is now.</summary>
/// <param name="CallSid">The caller's call.</param>
/// <param name="QueueSid">Its queue.</param>
/// <param name="DateEnqueued">When it joined.</param>
/// <param name="Position">1 for the caller who waited longest.</param>
/// <param name="WaitTime">How long it has waited.</param>
internal sealed record QueueMember(string CallSid, string QueueSid, DateTimeOffset DateEnqueued, int Position, TimeSpan WaitTime);
