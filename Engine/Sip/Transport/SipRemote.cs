using System.Net;

namespace RcmlEngine.Sip.Transport;

/// <summary>
/// Where a message came from or goes to: the transport, the peer's address and, for TCP, the
/// connection it arrived on (0 for UDP), so a response can go back on the same connection
/// (RFC 3261 18.2.2).
/// </summary>
internal readonly record struct SipRemote(SipTransportKind Transport, IPEndPoint EndPoint, long ConnectionId = 0)
{
    public bool IsReliable => Transport == SipTransportKind.Tcp;

    public override string ToString() => $"{Transport.ToString().ToUpperInvariant()} {EndPoint}";
}
