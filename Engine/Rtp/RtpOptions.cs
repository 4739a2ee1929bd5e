namespace RcmlEngine.Rtp;

/// <summary>RTP settings of the engine (configuration section <c>Rtp</c>).</summary>
internal sealed class RtpOptions
{
    /// <summary>The lowest RTP port; RTP takes even ports and RTCP the odd port above (RFC 3550 11).</summary>
    public int MinPort { get; set; } = 10000;

    /// <summary>The highest port of the range (an RTCP port may be this one).</summary>
    public int MaxPort { get; set; } = 20000;

    /// <summary>
    /// Off (the default): RTP and RTCP are accepted only from the address the peer signalled in its SDP
    /// (<c>c=</c>), so a third party cannot take over a call's media. On: for
    /// <see cref="LatchWindow"/> after media starts, the first source from any address is latched and
    /// answered (symmetric RTP, for phones behind NAT that signal a private address), at the risk that
    /// an attacker who guesses the port and sends first gets the call's audio.
    /// </summary>
    public bool SymmetricLatching { get; set; }

    /// <summary>
    /// How long after media starts (or the peer's address changes) a source other than the signalled
    /// address and port may be latched: another port of the signalled address, or, with
    /// <see cref="SymmetricLatching"/>, any address. The signalled address and port are always accepted.
    /// </summary>
    public TimeSpan LatchWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a call may receive no RTP while it expects some before it ends; zero disables.</summary>
    public TimeSpan InactivityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Out-of-order packets held while waiting for a missing one.</summary>
    public int ReorderDepth { get; set; } = 3;

    /// <summary>
    /// The nice value of the pacer and receive threads on Linux (-20 to 19; 0 leaves them as they are).
    /// Below 0 needs CAP_SYS_NICE (root has it); without it the threads keep the default.
    /// </summary>
    public int MediaThreadNice { get; set; } = -10;

    /// <summary>
    /// A SCHED_RR real-time priority (1-99) for the pacer and receive threads on Linux, or 0 for none
    /// (then <see cref="MediaThreadNice"/> applies). Keeps packet timing on a host busy with other work.
    /// </summary>
    public int MediaThreadRealtimePriority { get; set; }

    /// <summary>
    /// Zero (the default): each RTP packet is read as soon as it arrives (epoll on Linux), so a bridge adds
    /// well under a millisecond per relay pass. Otherwise the receive threads look at their sockets only
    /// this often, reading what came meanwhile together: less CPU per packet at high load, but a packet
    /// waits up to this long (<see cref="RtpReceivePoller"/>, docs/performance.md "Dial and bridged calls").
    /// </summary>
    public TimeSpan ReceiveInterval { get; set; }

    /// <summary>Threads reading RTP sockets; zero (the default) means one per processor core.</summary>
    public int ReceiveThreads { get; set; }

    /// <summary>The most relayed audio buffered towards a bridged peer before the oldest is dropped.</summary>
    public TimeSpan MaxRelayLatency { get; set; } = TimeSpan.FromMilliseconds(200);
}
