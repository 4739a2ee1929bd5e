namespace RcmlEngine.Sip.Transport;

/// <summary>Transport settings: where to listen and the limits that protect the engine from peers.</summary>
internal sealed record SipTransportOptions
{
    /// <summary>Addresses to listen on; by default UDP and TCP on 0.0.0.0:5060.</summary>
    public IReadOnlyList<SipListenOptions> Listen { get; init; } = [SipListenOptions.Udp(), SipListenOptions.Tcp()];

    /// <summary>Host written in Via and Contact when listening on a wildcard address; null works it out per peer.</summary>
    public string? AdvertisedHost { get; init; }

    /// <summary>Largest message accepted on any transport (64 KiB); bigger ones are dropped, TCP peers cut off.</summary>
    public int MaxMessageSize { get; init; } = 64 * 1024;

    /// <summary>Most TCP connections open at once (inbound and outbound); more are refused.</summary>
    public int MaxTcpConnections { get; init; } = 1024;

    /// <summary>
    /// Of <see cref="MaxTcpConnections"/>, how many only outbound connections (to trunks, clients) may use:
    /// inbound connections are refused once <c>MaxTcpConnections - TcpOutboundReserve</c> are open.
    /// </summary>
    public int TcpOutboundReserve { get; init; } = 64;

    /// <summary>Most inbound TCP connections from one source address; more are refused (closed at once).</summary>
    public int MaxTcpConnectionsPerSource { get; init; } = 64;

    /// <summary>
    /// An inbound TCP connection must deliver a valid SIP message this soon after connecting, or it is
    /// closed; CRLF keep-alives do not count (RFC 5626 keep-alives are for flows that carried SIP).
    /// </summary>
    public TimeSpan TcpFirstMessageTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A TCP connection with no traffic for this long is closed.</summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A TCP peer must finish a message this long after its first byte, or it is cut off.</summary>
    public TimeSpan TcpMessageTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long connecting to a TCP peer may take.</summary>
    public TimeSpan TcpConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// RFC 3261 18.1.1: a request larger than this (MTU unknown: 1300 bytes) goes over TCP unless
    /// its target says <c>;transport=udp</c>.
    /// </summary>
    public int UdpSizeThreshold { get; init; } = 1300;

    /// <summary>
    /// Capacity of the queue between receiving and processing. When full, new messages are dropped
    /// (the newest, since UDP peers retransmit and TCP peers wait for an answer).
    /// </summary>
    public int ReceiveQueueCapacity { get; init; } = 16384;

    /// <summary>
    /// Log lines one source address may cause per minute across the SIP layers (refused connections, bad
    /// messages, rejected requests); more are suppressed and counted. 0: no limit.
    /// </summary>
    public int LogLinesPerSourcePerMinute { get; init; } = 20;
}
