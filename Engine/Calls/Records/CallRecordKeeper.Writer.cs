namespace RcmlEngine.Calls.Records;

internal sealed partial class CallRecordKeeper
{
    // The single reader: writes each queued call's latest snapshot, completes flushes in order, and
    // sweeps the calls left unwritten when the queue was full.
    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var request))
            {
                if (request.Flushed is { } flushed)
                {
                    await SweepAsync();
                    flushed.TrySetResult();
                }
                else if (_pending.TryGetValue(request.CallSid!, out var entry))
                {
                    await WriteAsync(request.CallSid!, entry, queued: true);
                }
            }

            if (Interlocked.Exchange(ref _overflowed, 0) != 0)
            {
                await SweepAsync();
            }
        }

        await SweepAsync();
    }

    private async Task SweepAsync()
    {
        foreach (var (sid, entry) in _pending)
        {
            await WriteAsync(sid, entry, queued: false);
        }
    }

    private async Task WriteAsync(string sid, PendingRecord entry, bool queued)
    {
        CallRecord? record;
        long version;
        lock (entry.Sync)
        {
            if (queued)
            {
                entry.Queued = false;
            }

            record = entry.Latest;
            version = entry.Version;
            if (record is null || version <= entry.Written)
            {
                return;
            }
        }

        try
        {
            await _store.SaveAsync(record, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The store failing (disk full, file removed) must not stop the calls or the writer.
            LogWriteFailed(exception, sid, record.Status.ToWebhookValue());
        }

        lock (entry.Sync)
        {
            entry.Written = Math.Max(entry.Written, version);
            if (entry.Trackers == 0 && entry.Written == entry.Version && !entry.Removed)
            {
                entry.Removed = true;
                _pending.TryRemove(new KeyValuePair<string, PendingRecord>(sid, entry));
            }
        }
    }
}
