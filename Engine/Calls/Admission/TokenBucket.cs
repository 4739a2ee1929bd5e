namespace RcmlEngine.Calls.Admission;

/// <summary>
/// A token bucket: <see cref="TryTake"/> succeeds while tokens are left; tokens come back at
/// <c>ratePerSecond</c>, up to one second's worth (the largest burst). Not thread-safe: callers lock.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double _rate;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _refilled;

    /// <param name="ratePerSecond">Tokens per second, and the bucket's size.</param>
    /// <param name="time">The clock.</param>
    public TokenBucket(int ratePerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        _rate = ratePerSecond;
        _time = time;
        _tokens = ratePerSecond;
        _refilled = time.GetTimestamp();
    }

    /// <summary>Takes one token; false when the bucket is empty (nothing is taken).</summary>
    public bool TryTake()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_refilled, now).TotalSeconds;
        _refilled = now;
        _tokens = Math.Min(_rate, _tokens + (elapsed * _rate));
        if (_tokens < 1)
        {
            return false;
        }

        _tokens--;
        return true;
    }
}
