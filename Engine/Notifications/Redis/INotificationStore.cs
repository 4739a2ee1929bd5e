namespace RcmlEngine.Notifications.Redis;

/// <summary>Where messages wait while Redis cannot take them, so neither an outage nor a restart loses one.</summary>
internal interface INotificationStore : IAsyncDisposable
{
    /// <summary>Persists the messages in order and sets their <see cref="PendingNotification.Id"/>.</summary>
    Task AddAsync(IReadOnlyList<PendingNotification> messages, CancellationToken cancellationToken);

    /// <summary>Forgets messages that are in Redis.</summary>
    Task RemoveAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>The oldest <paramref name="limit"/> messages, in the order they were added.</summary>
    Task<IReadOnlyList<PendingNotification>> LoadAsync(int limit, CancellationToken cancellationToken);
}
