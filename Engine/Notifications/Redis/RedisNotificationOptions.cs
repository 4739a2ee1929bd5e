namespace RcmlEngine.Notifications.Redis;

/// <summary><c>Notifications:Redis</c>: a Redis list that receives the notifications (LPUSH, so BRPOP reads the oldest first).</summary>
internal sealed class RedisNotificationOptions
{
    /// <summary>The default <see cref="Key"/>.</summary>
    public const string DefaultKey = "rcml:notifications:inbound";

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>127.0.0.1:6379,password=...</c>). Absent: no sink,
    /// nothing is written or stored. It may hold a password, so it is never logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The list the messages are pushed onto. Default <see cref="DefaultKey"/>.</summary>
    public string Key { get; set; } = DefaultKey;

    /// <summary>The notification types written (<c>call</c>; entries may also be comma-separated); empty or absent: <c>call</c>.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>SQLite file keeping the messages not yet in Redis, so an outage or a restart loses none. Default <c>data/notifications.db</c>.</summary>
    public string StorePath { get; set; } = Path.Combine("data", "notifications.db");

    /// <summary>The first delay before a failed push is retried; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest delay between retries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one push may take before it counts as failed.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>True when a sink is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>Whether messages of <paramref name="type"/> are written.</summary>
    public bool Writes(string type) =>
        Events.Count == 0
            ? type == NotificationTypes.Call
            : Events.SelectMany(e => e.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
                .Any(e => string.Equals(e, type, StringComparison.OrdinalIgnoreCase));
}
