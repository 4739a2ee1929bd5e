using System.Diagnostics.Metrics;

namespace RcmlEngine.Sip.Transport;

/// <summary>The SIP stack's counters (meter <c>RcmlEngine.Sip</c>), for dotnet-counters and OpenTelemetry.</summary>
internal static class SipMetrics
{
    public static readonly Meter Meter = new("RcmlEngine.Sip");

    /// <summary>Messages received and parsed.</summary>
    public static readonly Counter<long> Received = Meter.CreateCounter<long>("sip.messages.received");

    /// <summary>Malformed or oversized input, answered 400/505 or dropped; TCP peers cut off.</summary>
    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>("sip.messages.rejected");

    /// <summary>Good messages dropped because the processing queue was full.</summary>
    public static readonly Counter<long> Dropped = Meter.CreateCounter<long>("sip.messages.dropped");

    /// <summary>Calls started, tagged <c>direction</c> = inbound or outbound.</summary>
    public static readonly Counter<long> Calls = Meter.CreateCounter<long>("sip.calls");
}
