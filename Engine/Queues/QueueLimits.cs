namespace RcmlEngine.Queues;

/// <summary>Twilio's queue limits.</summary>
internal static class QueueLimits
{
    /// <summary>The size of a queue that Enqueue creates.</summary>
    public const int DefaultMaxSize = 1000;

    /// <summary>The largest size the API accepts.</summary>
    public const int MaxSizeLimit = 5000;

    /// <summary>The longest queue name.</summary>
    public const int MaxNameLength = 64;
}
