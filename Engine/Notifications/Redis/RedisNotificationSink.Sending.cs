using Microsoft.Data.Sqlite;
using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Notifications.Redis;

internal sealed partial class RedisNotificationSink
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StoreArrivalsAsync();
                if (!HasUnsent())
                {
                    await _incoming.Reader.WaitToReadAsync(stoppingToken);
                    continue;
                }

                if (await TryPushAsync(failures, stoppingToken))
                {
                    failures = 0;
                    continue;
                }

                failures++;
                await BackOffAsync(failures, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A fault here must not stop the host (DESIGN.md): log, wait, go on.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogLoopFailed(_writer.Redact(exception.Message));
                failures++;
                await BackOffAsync(failures, stoppingToken);
            }
        }
    }

    // What a previous run left unsent goes first: it is older than anything written since.
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        try
        {
            var recovered = await _store.LoadAsync(MaxPending, cancellationToken);
            if (recovered.Count == 0)
            {
                return;
            }

            lock (_sync)
            {
                _unsent.AddRange(recovered);
                _pending += recovered.Count;
            }

            LogRecovered(recovered.Count);
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            LogStoreFailed("load", 0, exception.Message);
        }
    }

    // Channel to store to the unsent list, in arrival order. A store failure keeps them in memory only.
    private async Task StoreArrivalsAsync()
    {
        var batch = new List<PendingNotification>();
        while (_incoming.Reader.TryRead(out var message))
        {
            batch.Add(message);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await _store.AddAsync(batch, CancellationToken.None);
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            LogStoreFailed("persist", batch.Count, exception.Message);
            batch.ForEach(message => message.Id = 0);
        }

        lock (_sync)
        {
            _unsent.AddRange(batch);
        }
    }

    private bool HasUnsent()
    {
        lock (_sync)
        {
            return _unsent.Count > 0;
        }
    }

    // Pushes the oldest unsent messages; true when Redis took them.
    private async Task<bool> TryPushAsync(int failures, CancellationToken stoppingToken)
    {
        PendingNotification[] batch;
        lock (_sync)
        {
            batch = [.. _unsent.Take(PushBatch)];
        }

        try
        {
            await _writer.PushAsync(batch.Select(m => m.Json).ToArray(), stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            var reason = _writer.Redact($"{exception.GetType().Name}: {exception.Message}");
            if (failures == 0)
            {
                LogPushFailed(batch.Length, reason);
            }
            else
            {
                LogPushRetryFailed(batch.Length, failures + 1, reason);
            }

            return false;
        }

        if (failures > 0)
        {
            LogPushResumed(failures);
        }

        lock (_sync)
        {
            _unsent.RemoveRange(0, batch.Length);
        }

        var stored = batch.Where(m => m.Id != 0).Select(m => m.Id).ToArray();
        if (stored.Length > 0)
        {
            try
            {
                await _store.RemoveAsync(stored, CancellationToken.None);
            }
            catch (Exception exception) when (IsStoreFailure(exception))
            {
                // They are in Redis; a restart would push them again (at least once).
                LogStoreFailed("remove", stored.Length, exception.Message);
            }
        }

        // Only now: idle means in Redis and off the disk.
        Sent(batch.Length);
        return true;
    }

    // Waits out the retry delay, storing messages that arrive meanwhile so an outage keeps them on disk.
    private async Task BackOffAsync(int failures, CancellationToken stoppingToken)
    {
        var delay = ExponentialBackoff.Delay(failures - 1, _options.RetryDelay, _options.MaxRetryDelay, Random.Shared);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var elapsed = Task.Delay(delay, _time, waiting.Token);
        try
        {
            while (!elapsed.IsCompleted)
            {
                var arrival = _incoming.Reader.WaitToReadAsync(waiting.Token).AsTask();
                if (await Task.WhenAny(elapsed, arrival) == arrival && await arrival)
                {
                    await StoreArrivalsAsync();
                }
                else if (arrival.IsCompleted)
                {
                    // The channel is complete (stopping): only the delay is left to wait.
                    await elapsed;
                }
            }

            await elapsed;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the loop ends; the unsent messages stay stored.
        }
        finally
        {
            await waiting.CancelAsync();
        }
    }

    private static bool IsStoreFailure(Exception exception) =>
        exception is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException;
}
