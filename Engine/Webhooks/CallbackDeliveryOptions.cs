namespace RcmlEngine.Webhooks;

/// <summary>
/// One delivery of a callback (<c>Webhooks:Callbacks</c>): an attempt timeout, retries with exponential
/// backoff and jitter, and a circuit breaker per destination host.
/// </summary>
internal sealed class CallbackDeliveryOptions
{
    /// <summary>Timeout of one attempt. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of one delivery on a connection failure, timeout, 408, 429 or 5xx. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; each next one doubles, then half of it is randomized. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest retry delay. Default 30 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed attempts in the sampling window that opens a host's breaker. Default 0.5.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts in the window before the breaker may open. Default 10.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>Window over which failures are counted. Default 30 s.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker fails a host's callbacks at once before trying again. Default 30 s.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
