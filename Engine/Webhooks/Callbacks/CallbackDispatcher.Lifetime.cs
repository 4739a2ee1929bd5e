using Microsoft.Data.Sqlite;

namespace RcmlEngine.Webhooks.Callbacks;

internal sealed partial class CallbackDispatcher
{
    /// <summary>Loads the callbacks a previous run left undelivered, then starts persisting and delivering.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            return;
        }

        IReadOnlyList<PendingCallback> recovered = [];
        try
        {
            recovered = await _store.LoadAsync(_options.MaxPending, cancellationToken);
            if (recovered.Count > 0)
            {
                var stored = await _store.CountAsync(cancellationToken);
                LogRecovered(recovered.Count, stored - recovered.Count);
            }
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            // A broken store must not keep the engine from taking calls: start empty, the stored callbacks wait.
            LogStoreFailed("load", 0, exception);
        }

        lock (_sync)
        {
            _pending += recovered.Count;
            foreach (var callback in recovered)
            {
                RouteLocked(callback);
            }

            _persister ??= Task.Run(PersistLoopAsync, CancellationToken.None);
        }
    }

    /// <summary>
    /// Stops accepting callbacks, persists every one already enqueued, and stops delivering; what is
    /// undelivered stays in the store for the next start.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task persister;
        lock (_sync)
        {
            _stopRequested = true;
            _incoming.Writer.TryComplete();
            persister = _persister ??= Task.Run(PersistLoopAsync, CancellationToken.None);
        }

        await persister.WaitAsync(cancellationToken);
        await _stopping.CancelAsync();
        Task[] workers;
        lock (_sync)
        {
            workers = [.. _workers];
        }

        await Task.WhenAll(workers).WaitAsync(cancellationToken);
    }

    /// <summary>Stops (see <see cref="StopAsync"/>) and closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync(CancellationToken.None);
        await _store.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task PersistLoopAsync()
    {
        var batch = new List<PendingCallback>(PersistBatch);
        while (await _incoming.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < PersistBatch && _incoming.Reader.TryRead(out var callback))
            {
                batch.Add(callback);
            }

            try
            {
                await _store.AddAsync(batch, CancellationToken.None);
            }
#pragma warning disable CA1031 // Whatever the store throws, the callbacks are still delivered and the loop goes on.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                // Still delivered, from memory only: a restart before delivery would lose these.
                LogStoreFailed("persist", batch.Count, exception);
                batch.ForEach(callback => callback.Id = 0);
            }

            lock (_sync)
            {
                batch.ForEach(RouteLocked);
            }
        }
    }

    private void RouteLocked(PendingCallback callback)
    {
        if (!_queues.TryGetValue(callback.QueueKey, out var queue))
        {
            queue = new CallbackQueue(callback.QueueKey);
            _queues[callback.QueueKey] = queue;
        }

        queue.Items.Enqueue(callback);
        if (queue.Worker is null && !_stopRequested)
        {
            _workers.RemoveAll(worker => worker.IsCompleted);
            queue.Worker = Task.Run(() => RunQueueAsync(queue), CancellationToken.None);
            _workers.Add(queue.Worker);
        }
    }

    private static bool IsStoreFailure(Exception exception) =>
        exception is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException;
}
