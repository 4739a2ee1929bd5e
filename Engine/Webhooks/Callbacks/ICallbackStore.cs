namespace RcmlEngine.Webhooks.Callbacks;

/// <summary>Where undelivered callbacks wait, so a restart delivers them.</summary>
internal interface ICallbackStore : IAsyncDisposable
{
    /// <summary>Persists the callbacks in order and sets their <see cref="PendingCallback.Id"/>.</summary>
    Task AddAsync(IReadOnlyList<PendingCallback> callbacks, CancellationToken cancellationToken);

    /// <summary>Forgets a delivered or given-up callback.</summary>
    Task RemoveAsync(long id, CancellationToken cancellationToken);

    /// <summary>Records the failed deliveries of a callback.</summary>
    Task RecordAttemptsAsync(long id, int attempts, CancellationToken cancellationToken);

    /// <summary>The oldest <paramref name="limit"/> callbacks, in the order they were added.</summary>
    Task<IReadOnlyList<PendingCallback>> LoadAsync(int limit, CancellationToken cancellationToken);

    /// <summary>How many callbacks are stored.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}
