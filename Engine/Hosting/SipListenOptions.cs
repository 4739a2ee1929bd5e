namespace RcmlEngine.Hosting;

/// <summary>Where the SIP stack listens (<c>Sip</c> section).</summary>
internal sealed class SipListenOptions
{
    /// <summary>The address to bind (<c>0.0.0.0</c>: every IPv4 interface). Default <c>0.0.0.0</c>.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>UDP port; 0 picks a free one. Default 5060 (RFC 3261 19.1.2).</summary>
    public int UdpPort { get; set; } = 5060;

    /// <summary>TCP port; 0 picks a free one. Default 5060.</summary>
    public int TcpPort { get; set; } = 5060;
}
