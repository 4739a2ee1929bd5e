namespace RcmlEngine.Hosting;

/// <summary>
/// Per-call limits (<c>Limits</c> section), checked before each verb, and how much work the engine takes
/// (overload control, graceful drain: docs/reliability.md).
/// </summary>
internal sealed class LimitsOptions
{
    /// <summary>Documents fetched per call, fallbacks included (stops redirect loops). Default 1000.</summary>
    public int MaxDocumentsPerCall { get; set; } = 1_000;

    /// <summary>Verbs run per call. Default 10000.</summary>
    public int MaxVerbsPerCall { get; set; } = 10_000;

    /// <summary>Longest call, <c>hh:mm:ss</c>. Default <c>04:00:00</c>.</summary>
    public TimeSpan MaxCallDuration { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How long a <c>&lt;Refer&gt;</c> waits for the final NOTIFY once its REFER was accepted (then <c>no-answer</c>). Default 60 s.</summary>
    public TimeSpan ReferNotifyTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Calls in progress at once (inbound and REST API); a new one past it is refused with 503. 0: no limit.
    /// Default: one per pair of RTP ports (<c>Rtp:PortMin</c>..<c>Rtp:PortMax</c>), at most 2000.
    /// </summary>
    public int? MaxConcurrentCalls { get; set; }

    /// <summary>New calls per second (a token bucket); past it 503. 0: no limit. Default 200.</summary>
    public int MaxCallsPerSecond { get; set; } = 200;

    /// <summary>
    /// How late the thread pool may run before new calls are refused (taken again under half of it).
    /// 0: no such guard. Default 1 s.
    /// </summary>
    public TimeSpan MaxSchedulingDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>On shutdown, how long calls in progress may go on (new ones get 503) before they are hung up. Default 30 s.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
