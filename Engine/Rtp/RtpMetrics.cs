using System.Diagnostics.Metrics;

namespace RcmlEngine.Rtp;

/// <summary>
/// RTP totals (meter <c>RcmlEngine.Rtp</c>), added once per session when it stops, so the packet paths
/// pay nothing: packets sent, received and lost (sequence gaps) by ended sessions, and sessions ended.
/// </summary>
internal static class RtpMetrics
{
    private static readonly Meter Meter = new("RcmlEngine.Rtp");

    private static readonly Counter<long> Sessions = Meter.CreateCounter<long>("rcml.rtp.sessions", description: "RTP sessions ended");

    private static readonly Counter<long> Sent = Meter.CreateCounter<long>("rcml.rtp.packets.sent", description: "RTP packets sent by ended sessions");

    private static readonly Counter<long> Received = Meter.CreateCounter<long>("rcml.rtp.packets.received", description: "RTP packets received by ended sessions");

    private static readonly Counter<long> Lost = Meter.CreateCounter<long>("rcml.rtp.packets.lost", description: "RTP packets lost (sequence gaps) in ended sessions");

    /// <summary>Adds a stopped session's counters.</summary>
    public static void OnStopped(in RtpSessionCounters counters)
    {
        Sessions.Add(1);
        Sent.Add(counters.PacketsSent);
        Received.Add(counters.PacketsReceived);
        Lost.Add(counters.PacketsLost);
    }
}
