namespace RcmlEngine.Webhooks;

/// <summary>
/// The callback queue (<c>Webhooks:Queue</c>): in order per call, persisted until delivered, redelivered
/// with backoff after failed deliveries, given up (and logged) after <see cref="MaxAttempts"/> or
/// <see cref="MaxAge"/>.
/// </summary>
internal sealed class CallbackQueueOptions
{
    /// <summary>SQLite file holding undelivered callbacks; its folder is created. Default <c>data/callbacks.db</c>.</summary>
    public string StorePath { get; set; } = Path.Combine("data", "callbacks.db");

    /// <summary>
    /// Most callbacks pending at once (memory bound). Past it a new callback is dropped and logged,
    /// never blocking the call. Default 10,000.
    /// </summary>
    public int MaxPending { get; set; } = 10_000;

    /// <summary>Deliveries (each with its own retries) before a callback is given up. Default 8.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Age after which an undelivered callback is given up. Default 24 h.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Pause after the first failed delivery; doubles per failure, with jitter. Default 5 s.</summary>
    public TimeSpan RedeliveryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest pause between deliveries. Default 5 min.</summary>
    public TimeSpan MaxRedeliveryDelay { get; set; } = TimeSpan.FromMinutes(5);
}
