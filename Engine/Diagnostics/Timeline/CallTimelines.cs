using System.Collections.Concurrent;

namespace RcmlEngine.Diagnostics.Timeline;

/// <summary>
/// The timelines of the calls in progress, and of the last <see cref="KeepFinished"/> finished ones (memory
/// only: a restart forgets them), found by CallSid or by SIP Call-ID. <see cref="Version"/> moves with every
/// event, for live views. Thread-safe.
/// </summary>
internal sealed class CallTimelines
{
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, CallTimeline> _bySid = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CallTimeline> _bySipCallId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<CallTimeline, List<string>> _sipCallIds = new();
    private readonly Lock _lock = new();
    private readonly Queue<CallTimeline> _finished = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version;
    private int _waited;

    /// <summary>Called when a SIP Call-ID is first linked to a timeline (the SIP trace adopts what it saw of that dialog before).</summary>
    public Action<string, CallTimeline>? Linked { get; set; }

    /// <summary>Keeps the last <paramref name="keepFinished"/> finished calls' timelines.</summary>
    public CallTimelines(TimeProvider time, int keepFinished = 200)
    {
        _time = time;
        KeepFinished = Math.Max(0, keepFinished);
    }

    /// <summary>Finished calls' timelines kept.</summary>
    public int KeepFinished { get; }

    /// <summary>Moves with every event recorded, call begun or ended.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The clock's now.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Starts (or returns) the timeline of <paramref name="callSid"/>.</summary>
    public CallTimeline Begin(string callSid, string accountSid, string? parentCallSid, string? sipCallId)
    {
        var timeline = _bySid.GetOrAdd(callSid, sid => new CallTimeline(this, sid, accountSid, parentCallSid, Now));
        if (sipCallId is not null)
        {
            Link(sipCallId, timeline);
        }

        Touch();
        return timeline;
    }

    /// <summary>Records the SIP dialog <paramref name="sipCallId"/> (a call's own, or a leg it dialed) on <paramref name="timeline"/>.</summary>
    public void Link(string sipCallId, CallTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        if (_bySipCallId.TryAdd(sipCallId, timeline))
        {
            var ids = _sipCallIds.GetOrAdd(timeline, _ => []);
            lock (ids)
            {
                ids.Add(sipCallId);
            }

            Linked?.Invoke(sipCallId, timeline);
        }
    }

    /// <summary>The timeline a SIP dialog belongs to.</summary>
    public CallTimeline? BySipCallId(string sipCallId) => _bySipCallId.GetValueOrDefault(sipCallId);

    /// <summary>The timeline of a call in progress or recently finished.</summary>
    public CallTimeline? Find(string callSid) => _bySid.GetValueOrDefault(callSid);

    /// <summary>Every timeline kept, newest first.</summary>
    public IReadOnlyList<CallTimeline> All() => [.. _bySid.Values.OrderByDescending(t => t.Started)];

    /// <summary>The call's run ended: its timeline is kept among the finished ones (the oldest is forgotten).</summary>
    public void End(CallTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        CallTimeline? forgotten = null;
        lock (_lock)
        {
            if (timeline.Ended)
            {
                return;
            }

            timeline.Ended = true;
            _finished.Enqueue(timeline);
            if (_finished.Count > KeepFinished)
            {
                forgotten = _finished.Dequeue();
            }
        }

        if (forgotten is not null)
        {
            _bySid.TryRemove(new KeyValuePair<string, CallTimeline>(forgotten.CallSid, forgotten));
            if (_sipCallIds.TryRemove(forgotten, out var ids))
            {
                lock (ids)
                {
                    foreach (var id in ids)
                    {
                        _bySipCallId.TryRemove(new KeyValuePair<string, CallTimeline>(id, forgotten));
                    }
                }
            }
        }

        Touch();
    }

    /// <summary>Completes when <see cref="Version"/> moves past <paramref name="seen"/>.</summary>
    public Task WaitForChangeAsync(long seen, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_lock)
        {
            // Say "someone waits" before reading the version; Touch bumps the version before reading this.
            Interlocked.Exchange(ref _waited, 1);
            if (Version != seen)
            {
                return Task.CompletedTask;
            }

            changed = _changed.Task;
        }

        return changed.WaitAsync(cancellationToken);
    }

    /// <summary>Something changed: wakes the waiters.</summary>
    internal void Touch()
    {
        Interlocked.Increment(ref _version);

        // Nobody waits (no console open): an event costs the increment only.
        if (Volatile.Read(ref _waited) == 0)
        {
            return;
        }

        TaskCompletionSource wake;
        lock (_lock)
        {
            wake = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _waited = 0;
        }

        wake.TrySetResult();
    }
}
