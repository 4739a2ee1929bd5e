namespace RcmlEngine.Tests.Support;

internal sealed partial class TestWebApp
{
    /// <summary>
    /// The first <paramref name="count"/> requests to <paramref name="path"/>, once they have arrived.
    /// Cancelled by <paramref name="cancellationToken"/> (the test's <c>[CancelAfter]</c> token).
    /// </summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(string path, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_sync)
            {
                var matching = _requests.Where(r => r.Path == path).Take(count).ToList();
                if (matching.Count >= count)
                {
                    return matching;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>As <see cref="WaitForRequestsAsync(string, int, CancellationToken)"/>, failing with a clear message after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(string path, int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await WaitForRequestsAsync(path, count, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seen = string.Join(", ", Requests.Select(r => $"{r.Method} {r.Path}"));
            throw new TimeoutException($"waited {timeout} for {count} requests to {path}; received {RequestsTo(path).Count} (all: {seen})");
        }
    }

    /// <summary>The <paramref name="n"/>th (1-based) request to <paramref name="path"/>, once it has arrived.</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(string path, CancellationToken cancellationToken, int n = 1) =>
        (await WaitForRequestsAsync(path, n, cancellationToken))[n - 1];

    private void Record(RecordedRequest request)
    {
        TaskCompletionSource changed;
        lock (_sync)
        {
            _requests.Add(request with { Index = _requests.Count });
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }
}
