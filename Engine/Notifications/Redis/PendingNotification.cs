namespace RcmlEngine.Notifications.Redis;

/// <summary>A message not yet in Redis: persisted under <see cref="Id"/> until pushed.</summary>
internal sealed class PendingNotification
{
    /// <summary>The store's row id (rising in the order written); 0 while (or if) it is not persisted.</summary>
    public long Id { get; set; }

    /// <summary>The JSON message.</summary>
    public required string Json { get; init; }

    /// <summary>When the sink took it.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
