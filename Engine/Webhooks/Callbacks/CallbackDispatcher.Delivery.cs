using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Webhooks.Callbacks;

internal sealed partial class CallbackDispatcher
{
    // One worker per call with pending callbacks: delivers the head, and only then the next.
    private async Task RunQueueAsync(CallbackQueue queue)
    {
        var stopping = _stopping.Token;
        try
        {
            while (true)
            {
                PendingCallback head;
                lock (_sync)
                {
                    if (queue.Items.Count == 0 || stopping.IsCancellationRequested)
                    {
                        queue.Worker = null;
                        if (queue.Items.Count == 0)
                        {
                            _queues.Remove(queue.Key);
                        }

                        return;
                    }

                    head = queue.Items.Peek();
                }

                await DeliverOrDropAsync(queue, head, stopping);
                lock (_sync)
                {
                    queue.Items.Dequeue();
                    ReleaseLocked();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: the head and the rest stay in the store for the next start.
            lock (_sync)
            {
                queue.Worker = null;
            }
        }
    }

    // A fault of this code on one callback (not the sender's: that is a failed delivery) drops that
    // callback and the call's queue goes on: a worker that died would strand the call's later callbacks.
    private async Task DeliverOrDropAsync(CallbackQueue queue, PendingCallback callback, CancellationToken stopping)
    {
        try
        {
            await DeliverAsync(callback, stopping);
        }
#pragma warning disable CA1031 // See above.
        catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogDeliveryCrashed(queue.Key, exception);
            await ForgetAsync(callback);
        }
    }

    // Returns once the callback is delivered or given up; throws only when stopping.
    private async Task DeliverAsync(PendingCallback callback, CancellationToken stopping)
    {
        while (true)
        {
            var age = _time.GetUtcNow() - callback.CreatedAt;
            if (age > _options.MaxAge)
            {
                LogGaveUp(callback.QueueKey, SafeUrl.Of(callback.Request.Url), callback.Attempts, $"older than {_options.MaxAge}");
                await ForgetAsync(callback);
                return;
            }

            var result = await SendAsync(callback, stopping);
            if (result.Delivered)
            {
                await ForgetAsync(callback);
                return;
            }

            callback.Attempts++;
            if (!result.Transient || callback.Attempts >= _options.MaxAttempts)
            {
                var reason = result.Transient ? $"{callback.Attempts} failed deliveries, last {result.Error}" : $"{result.Error}";
                LogGaveUp(callback.QueueKey, SafeUrl.Of(callback.Request.Url), callback.Attempts, reason);
                await ForgetAsync(callback);
                return;
            }

            await StoreAsync("record attempts of", () => _store.RecordAttemptsAsync(callback.Id, callback.Attempts, CancellationToken.None), callback);
            var delay = ExponentialBackoff.Delay(callback.Attempts - 1, _options.RedeliveryDelay, _options.MaxRedeliveryDelay, Random.Shared);
            if (_logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information))
            {
                var url = SafeUrl.Of(callback.Request.Url);
                LogRedelivery(callback.QueueKey, url, callback.Attempts, delay.TotalMilliseconds);
            }

            await Task.Delay(delay, _time, stopping);
        }
    }

    private async Task<CallbackResult> SendAsync(PendingCallback callback, CancellationToken stopping)
    {
        try
        {
            return await _sender.SendAsync(callback.Request, stopping);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            // A sender bug must not kill the call's queue: count it as a failed delivery.
            LogSendCrashed(callback.QueueKey, exception);
            return new CallbackResult { Error = new(WebhookErrorCode.HttpRetrievalFailure, exception.Message), Transient = true };
        }
    }

    private Task ForgetAsync(PendingCallback callback) =>
        StoreAsync("remove", () => _store.RemoveAsync(callback.Id, CancellationToken.None), callback);

    private async Task StoreAsync(string what, Func<Task> operation, PendingCallback callback)
    {
        if (callback.Id == 0)
        {
            return;
        }

        try
        {
            await operation();
        }
#pragma warning disable CA1031 // Whatever the store throws, delivery goes on from memory.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogStoreFailed(what, 1, exception);
        }
    }

    private void ReleaseLocked()
    {
        _pending--;
        if (_pending == 0 && _idle is not null)
        {
            _idle.TrySetResult();
            _idle = null;
        }
    }
}
