namespace RcmlEngine.Rtp;

/// <summary>A snapshot of what a session has sent and received.</summary>
internal readonly record struct RtpSessionCounters(
    long PacketsSent,
    long OctetsSent,
    long PacketsReceived,
    long PacketsDropped,
    long PacketsLost,
    long RtcpSent,
    long RtcpReceived,
    bool RemoteSentBye);
