using System.Net;

namespace RcmlEngine.Sip.Transport;

/// <summary>One address the stack listens on: a transport and an IP end point (port 0 picks a free one).</summary>
internal sealed record SipListenOptions(SipTransportKind Transport, IPEndPoint EndPoint)
{
    /// <summary>RFC 3261 19.1.2: the default SIP port.</summary>
    public const int DefaultPort = 5060;

    public static SipListenOptions Udp(string address = "0.0.0.0", int port = DefaultPort) =>
        new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse(address), port));

    public static SipListenOptions Tcp(string address = "0.0.0.0", int port = DefaultPort) =>
        new(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Parse(address), port));
}
