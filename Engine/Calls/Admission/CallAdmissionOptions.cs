namespace RcmlEngine.Calls.Admission;

/// <summary>How much work the engine accepts (<c>Limits</c> section, see README "Configuration").</summary>
internal sealed class CallAdmissionOptions
{
    /// <summary>Calls in progress at once (inbound SIP and REST API calls); 0 or less: no limit.</summary>
    public int MaxConcurrentCalls { get; set; } = 2_000;

    /// <summary>New calls per second, a token bucket holding one second's worth; 0 or less: no limit.</summary>
    public int MaxCallsPerSecond { get; set; } = 200;

    /// <summary>
    /// The thread-pool scheduling delay at which new calls are refused (the engine is not keeping up);
    /// they are taken again once it is back under half of it. Zero: no such guard.
    /// </summary>
    public TimeSpan MaxSchedulingDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the scheduling delay is measured.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long without a refusal before shedding is logged as stopped.</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(2);
}
