namespace RcmlEngine.Sip.Transactions;

/// <summary>The base timer values of RFC 3261 17.1.1.1 (Table 4); the others derive from them.</summary>
internal sealed record SipTimers
{
    /// <summary>RFC 3261 17.1.1.1: T1, the round-trip estimate, 500 ms by default.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>RFC 3261 17.1.2.2: T2, the cap on non-INVITE and response retransmit intervals, 4 s.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>RFC 3261 17.1.2.2: T4, how long a message may stay in the network, 5 s.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timers B, F, H, J, L and M: 64*T1 (RFC 3261 17 and RFC 6026).</summary>
    public TimeSpan TransactionTimeout => T1 * 64;

    /// <summary>RFC 3261 17.1.1.2 Timer D: at least 32 s on an unreliable transport.</summary>
    public TimeSpan TimerD => TimeSpan.FromSeconds(32) > T1 * 64 ? TimeSpan.FromSeconds(32) : T1 * 64;

    public static SipTimers Default { get; } = new();
}
