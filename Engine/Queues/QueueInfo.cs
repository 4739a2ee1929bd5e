namespace RcmlEngine.Queues;

/// <summary>A queue as it is now: what the Queues API shows and the wait parameters are made of.</summary>
/// <param name="Sid">QU and 32 hex digits.</param>
/// <param name="AccountSid">The account it belongs to.</param>
/// <param name="FriendlyName">Its name (Enqueue's text, Dial Queue's text).</param>
/// <param name="MaxSize">How many callers it takes.</param>
/// <param name="CurrentSize">How many wait now.</param>
/// <param name="AverageWaitTime">The average time the callers waiting now have waited.</param>
/// <param name="DateCreated">When it was created.</param>
/// <param name="DateUpdated">When its name or size last changed, or a caller joined or left.</param>
internal sealed record QueueInfo(
    string Sid,
    string AccountSid,
    string FriendlyName,
    int MaxSize,
    int CurrentSize,
    TimeSpan AverageWaitTime,
    DateTimeOffset DateCreated,
    DateTimeOffset DateUpdated);
