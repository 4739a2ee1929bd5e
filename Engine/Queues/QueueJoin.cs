namespace RcmlEngine.Queues;

/// <summary>What joining a queue gave: the member, or why not (<see cref="Member"/> null).</summary>
/// <param name="Member">The new member; null when refused.</param>
/// <param name="Full">True when refused because the queue holds its maximum.</param>
internal sealed record QueueJoin(QueueMember? Member, bool Full);
