namespace RcmlEngine.Diagnostics;

/// <summary>
/// Counts events per key (a source address) in fixed windows and allows at most a limit per window.
/// Memory is bounded: past <see cref="MaxKeys"/> keys, windows that ended are dropped; if none has,
/// a new key is let through uncounted rather than growing the table. Thread-safe.
/// </summary>
/// <typeparam name="TKey">What events are counted by.</typeparam>
internal sealed class PerKeyRateLimiter<TKey>
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, Window> _windows = [];
    private readonly int _limit;
    private readonly TimeSpan _length;
    private readonly TimeProvider _time;

    /// <param name="limit">Events allowed per key and window; 0 or less allows every event.</param>
    /// <param name="length">The length of a window.</param>
    /// <param name="time">The clock.</param>
    public PerKeyRateLimiter(int limit, TimeSpan length, TimeProvider time)
    {
        _limit = limit;
        _length = length;
        _time = time;
    }

    /// <summary>Keys tracked at once before old windows are dropped.</summary>
    public int MaxKeys { get; init; } = 10_000;

    /// <summary>True when an event for <paramref name="key"/> is within its limit now (and counts it).</summary>
    public bool TryAcquire(TKey key) => TryAcquire(key, out _);

    /// <summary>
    /// True when an event for <paramref name="key"/> is within its limit now (and counts it).
    /// <paramref name="refusedBefore"/> is, on the first event of a new window, how many events the
    /// key's previous window refused (so a caller can report them once); else 0.
    /// </summary>
    public bool TryAcquire(TKey key, out int refusedBefore) => TryAcquire(key, out refusedBefore, out _);

    /// <summary>
    /// As <see cref="TryAcquire(TKey, out int)"/>; <paramref name="refusedNow"/> is how many events the key's
    /// current window has refused, this one included (1: the first refusal of the window).
    /// </summary>
    public bool TryAcquire(TKey key, out int refusedBefore, out int refusedNow)
    {
        refusedBefore = 0;
        refusedNow = 0;
        if (_limit <= 0)
        {
            return true;
        }

        var now = _time.GetTimestamp();
        lock (_lock)
        {
            if (!_windows.TryGetValue(key, out var window))
            {
                if (_windows.Count >= MaxKeys && !DropEnded(now))
                {
                    return true;
                }

                window = new Window { Started = now };
                _windows[key] = window;
            }
            else if (_time.GetElapsedTime(window.Started, now) >= _length)
            {
                refusedBefore = window.Refused;
                window.Started = now;
                window.Count = 0;
                window.Refused = 0;
            }

            if (window.Count < _limit)
            {
                window.Count++;
                return true;
            }

            refusedNow = ++window.Refused;
            return false;
        }
    }

    /// <summary>True when <paramref name="key"/> has used its whole allowance in the current window (nothing is counted).</summary>
    public bool IsExhausted(TKey key)
    {
        if (_limit <= 0)
        {
            return false;
        }

        lock (_lock)
        {
            return _windows.TryGetValue(key, out var window) && window.Count >= _limit
                && _time.GetElapsedTime(window.Started) < _length;
        }
    }

    private bool DropEnded(long now)
    {
        var ended = _windows.Where(w => _time.GetElapsedTime(w.Value.Started, now) >= _length).Select(w => w.Key).ToList();
        foreach (var key in ended)
        {
            _windows.Remove(key);
        }

        return ended.Count > 0;
    }

    private sealed class Window
    {
        public long Started { get; set; }

        public int Count { get; set; }

        public int Refused { get; set; }
    }
}
