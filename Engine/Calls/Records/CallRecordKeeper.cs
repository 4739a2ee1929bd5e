using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RcmlEngine.Calls.Records;

/// <summary>
/// Keeps the record of every tracked call up to date in the <see cref="ICallRecordStore"/>: each lifecycle
/// change takes a <see cref="CallRecord"/> snapshot (on the thread that makes the change, under the
/// lifecycle's lock: no waiting there) and one background writer saves it.
/// <para>
/// Drop policy: none. A call has at most one write queued, holding its latest snapshot: later changes
/// replace the snapshot (coalesced per call), so the queue (<see cref="Capacity"/> calls) only fills when
/// that many calls wait. Then the call stays marked unwritten and the writer saves every marked call
/// once it has caught up: the final status is always written. A failed write is logged, never thrown.
/// </para>
/// <para>
/// Until its latest snapshot is written, <see cref="Live"/> returns it, so a reader sees a call at once.
/// As a hosted service it writes what is pending when the host stops (after the SIP calls were hung up).
/// </para>
/// </summary>
internal sealed partial class CallRecordKeeper : IHostedService, IAsyncDisposable
{
    /// <summary>Calls whose write can be queued at once before the overflow sweep takes over.</summary>
    public const int Capacity = 1024;

    private readonly ICallRecordStore _store;
    private readonly ILogger<CallRecordKeeper> _logger;
    private readonly ConcurrentDictionary<string, PendingRecord> _pending = new(StringComparer.Ordinal);
    private readonly Channel<WriteRequest> _queue = Channel.CreateBounded<WriteRequest>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Task _writer;
    private int _overflowed;

    /// <summary>Starts the background writer.</summary>
    public CallRecordKeeper(ICallRecordStore store, ILogger<CallRecordKeeper> logger)
    {
        _store = store;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Saves a record of <paramref name="call"/> now and after each of its status changes, until the result
    /// is disposed (after the call ended, its final record is then still written). A call may be tracked
    /// more than once; it is written as one.
    /// </summary>
    public IDisposable Track(ICall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var sid = call.Info.CallSid;
        while (true)
        {
            var entry = _pending.GetOrAdd(sid, static _ => new PendingRecord());
            lock (entry.Sync)
            {
                if (entry.Removed)
                {
                    continue;
                }

                entry.Trackers++;
            }

            // Subscribe replays the changes so far: the first snapshot is taken before this returns.
            var subscription = call.Lifecycle.Subscribe(change => Changed(sid, entry, CallRecord.Of(call, change.At)));
            return new Tracking(this, sid, entry, subscription);
        }
    }

    /// <summary>The latest record of a tracked call, or of an untracked one not yet written; null otherwise (read the store).</summary>
    public CallRecord? Live(string callSid)
    {
        if (!_pending.TryGetValue(callSid, out var entry))
        {
            return null;
        }

        lock (entry.Sync)
        {
            return entry.Latest;
        }
    }

    /// <summary>
    /// The call's record as a reader should see it: the live snapshot while it is not yet written (a call
    /// just started), else the store's; null when there is none in <paramref name="accountSid"/>.
    /// </summary>
    public async Task<CallRecord?> FindAsync(string accountSid, string callSid, CancellationToken cancellationToken)
    {
        if (Live(callSid) is { } live)
        {
            return live.AccountSid == accountSid ? live : null;
        }

        return await _store.FindAsync(accountSid, callSid, cancellationToken);
    }

    /// <summary>Completes once every snapshot taken before the call is written (or its write failed and was logged).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _queue.Writer.WriteAsync(new WriteRequest(null, flushed), cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // Disposed: the writer wrote everything before it stopped.
            return;
        }

        await flushed.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes what is pending; the host's shutdown timeout bounds the wait.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogFlushAbandoned(_pending.Count);
        }
    }

    /// <summary>Writes what is pending and stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    // Runs under the call's lifecycle lock: quick, never waits.
    private void Changed(string sid, PendingRecord entry, CallRecord snapshot)
    {
        bool enqueue;
        lock (entry.Sync)
        {
            entry.Latest = snapshot;
            entry.Version++;
            enqueue = !entry.Queued;
            entry.Queued = true;
        }

        if (enqueue)
        {
            Enqueue(sid, entry);
        }
    }

    private void Enqueue(string sid, PendingRecord entry)
    {
        if (_queue.Writer.TryWrite(new WriteRequest(sid, null)))
        {
            return;
        }

        // Full (or disposed): the entry stays unwritten and the writer's sweep saves it.
        lock (entry.Sync)
        {
            entry.Queued = false;
        }

        Volatile.Write(ref _overflowed, 1);
    }

    private void Untrack(string sid, PendingRecord entry)
    {
        bool enqueue;
        lock (entry.Sync)
        {
            entry.Trackers--;
            var unwritten = entry.Version > entry.Written;
            enqueue = unwritten && !entry.Queued;
            entry.Queued |= enqueue;
            if (!unwritten && entry.Trackers == 0)
            {
                entry.Removed = true;
                _pending.TryRemove(new KeyValuePair<string, PendingRecord>(sid, entry));
            }
        }

        if (enqueue)
        {
            Enqueue(sid, entry);
        }
    }

    /// <summary>The latest snapshot of one call and what of it is written.</summary>
    private sealed class PendingRecord
    {
        public Lock Sync { get; } = new();

        public CallRecord? Latest { get; set; }

        public long Version { get; set; }

        public long Written { get; set; }

        public bool Queued { get; set; }

        public int Trackers { get; set; }

        public bool Removed { get; set; }
    }

    /// <summary>A call to write, or a flush to complete once everything before it is written.</summary>
    private readonly record struct WriteRequest(string? CallSid, TaskCompletionSource? Flushed);

    /// <summary>One <see cref="Track"/>; disposing it stops following the call.</summary>
    private sealed class Tracking(CallRecordKeeper keeper, string sid, PendingRecord entry, IDisposable subscription) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                subscription.Dispose();
                keeper.Untrack(sid, entry);
            }
        }
    }
}
