namespace RcmlEngine.Diagnostics.Timeline;

/// <summary>
/// The events of one call, in a ring of <see cref="Capacity"/> (the oldest go first; <see cref="Dropped"/>
/// counts them). <see cref="Current"/> carries the timeline along the call's async flow, so the code
/// that fetches a document or runs a verb records to it without being handed it. Thread-safe.
/// </summary>
internal sealed class CallTimeline
{
    /// <summary>Events kept per call.</summary>
    public const int Capacity = 400;

    private static readonly AsyncLocal<CallTimeline?> Flow = new();

    private readonly Lock _lock = new();
    private readonly Queue<CallEvent> _events = new();
    private readonly CallTimelines _owner;

    /// <summary>A timeline for <paramref name="callSid"/>; <see cref="CallTimelines.Begin"/> makes them.</summary>
    public CallTimeline(CallTimelines owner, string callSid, string accountSid, string? parentCallSid, DateTimeOffset started)
    {
        _owner = owner;
        CallSid = callSid;
        AccountSid = accountSid;
        ParentCallSid = parentCallSid;
        Started = started;
    }

    /// <summary>The timeline of the call whose flow runs now; null outside a call.</summary>
    public static CallTimeline? Current
    {
        get => Flow.Value;
        set => Flow.Value = value;
    }

    /// <summary>The call.</summary>
    public string CallSid { get; }

    /// <summary>Its account (the console shows an account its own calls only).</summary>
    public string AccountSid { get; }

    /// <summary>The call that dialed this one, if any.</summary>
    public string? ParentCallSid { get; }

    /// <summary>When the timeline began.</summary>
    public DateTimeOffset Started { get; }

    /// <summary>True once the call's run ended.</summary>
    public bool Ended { get; internal set; }

    /// <summary>Events pushed out of the ring.</summary>
    public long Dropped { get; private set; }

    /// <summary>The events kept, oldest first.</summary>
    public IReadOnlyList<CallEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Adds an event stamped now.</summary>
    public void Add(CallEventKind kind, string title, string? detail = null, bool failed = false) =>
        Add(new CallEvent(_owner.Now, kind, title, detail, failed));

    /// <summary>Adds <paramref name="entry"/> (stamped by whoever saw it happen).</summary>
    public void Add(CallEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (_events.Count == Capacity)
            {
                _events.Dequeue();
                Dropped++;
            }

            _events.Enqueue(entry);
        }

        _owner.Touch();
    }
}
