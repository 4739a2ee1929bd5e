namespace RcmlEngine.Webhooks.Http;

/// <summary>
/// Exponential backoff with "equal jitter": attempt n waits between half and all of
/// min(max, base * 2^n). Half is fixed so a delay is never near zero (receivers get real room);
/// half is random so many calls failing together do not retry in step.
/// </summary>
internal static class ExponentialBackoff
{
    /// <summary>The delay before retry number <paramref name="attempt"/> (0 for the first retry).</summary>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var exponent = Math.Min(attempt, 30);
        var ceiling = Math.Min(maxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, exponent));
        var half = ceiling / 2;
        return TimeSpan.FromTicks((long)(half + (random.NextDouble() * half)));
    }
}
