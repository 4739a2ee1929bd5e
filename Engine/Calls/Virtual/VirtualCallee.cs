using RcmlEngine.Calls.Dialing;

namespace RcmlEngine.Calls.Virtual;

/// <summary>How a virtual dialed party behaves: how long it rings, whether and how it answers, how long it talks.</summary>
internal sealed record VirtualCallee
{
    /// <summary>Rings this long before answering (or refusing). Default 2 s.</summary>
    public TimeSpan RingFor { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>What it does after ringing: answers, is busy, fails; <see cref="DialStatus.NoAnswer"/> rings until the ring timeout.</summary>
    public DialStatus Answer { get; init; } = DialStatus.Answered;

    /// <summary>The final SIP status of the attempt; 0 picks the usual one (200, 486, 487, 404).</summary>
    public int SipStatusCode { get; init; }

    /// <summary>Hangs up this long after answering; null stays until the engine hangs up.</summary>
    public TimeSpan? TalkFor { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Sends early media (183) while ringing, instead of a plain 180.</summary>
    public bool EarlyMedia { get; init; }

    /// <summary>Headers of the final response (<c>X-...</c>, reported as <c>DialSipHeader_X-...</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The callee's keys at each Gather of a screening document (<see cref="ScriptedCaller"/>); null stays silent.</summary>
    public IVirtualCaller? Keys { get; init; }
}
