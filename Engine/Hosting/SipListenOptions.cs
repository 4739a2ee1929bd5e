namespace RcmlEngine.Hosting;

/// <summary>Where the SIP stack listens and whom it takes calls from (<c>Sip</c> section).</summary>
internal sealed class SipListenOptions
{
    /// <summary>The address to bind (<c>0.0.0.0</c>: every IPv4 interface). Default <c>0.0.0.0</c>.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>UDP port; 0 picks a free one. Default 5060 (RFC 3261 19.1.2).</summary>
    public int UdpPort { get; set; } = 5060;

    /// <summary>TCP port; 0 picks a free one. Default 5060.</summary>
    public int TcpPort { get; set; } = 5060;

    /// <summary>
    /// Source addresses or CIDR ranges allowed to send requests outside a dialog (INVITE, REGISTER,
    /// OPTIONS); others get 403. Empty (the default): any source.
    /// </summary>
    public List<string> AllowedSources { get; set; } = [];

    /// <summary>
    /// When true, INVITEs must answer a digest challenge (407) with the credentials of one of
    /// <c>Clients</c>, unless they come from <see cref="TrustedSources"/>. Default false.
    /// </summary>
    public bool InboundAuthentication { get; set; }

    /// <summary>Source addresses or CIDR ranges whose INVITEs are not challenged (a carrier, a proxy in front). Default none.</summary>
    public List<string> TrustedSources { get; set; } = [];

    /// <summary>New INVITEs one source address may send per second; more are answered 503 with Retry-After. 0: unlimited. Default 50.</summary>
    public int MaxInvitesPerSourcePerSecond { get; set; } = 50;

    /// <summary>Most SIP TCP connections open at once, inbound and outbound. Default 1024.</summary>
    public int MaxTcpConnections { get; set; } = 1024;

    /// <summary>Of those, how many only outbound connections (trunks, clients) may use. Default 64.</summary>
    public int TcpOutboundReserve { get; set; } = 64;

    /// <summary>Most inbound TCP connections from one source address. Default 64.</summary>
    public int MaxTcpConnectionsPerSource { get; set; } = 64;

    /// <summary>An inbound TCP connection sending no valid SIP message this soon after connecting is closed. Default 5 s.</summary>
    public TimeSpan TcpFirstMessageTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Log lines one source address may cause per minute (refused connections and requests, bad messages,
    /// unroutable calls); more are suppressed and counted in one line. 0: no limit. Default 20.
    /// </summary>
    public int LogLinesPerSourcePerMinute { get; set; } = 20;

    /// <summary>
    /// REGISTERs (and challenged INVITEs) with wrong credentials one source address may send per minute; past
    /// them it gets 403 without a check until the minute ends. 0: no limit. Default 10.
    /// </summary>
    public int MaxAuthFailuresPerSourcePerMinute { get; set; } = 10;
}
