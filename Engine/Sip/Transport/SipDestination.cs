using System.Net;

namespace RcmlEngine.Sip.Transport;

/// <summary>
/// One place to send a request (RFC 3263 4): a transport and an address. <see cref="TransportExplicit"/>
/// is true when the URI named the transport, which rules out the switch to TCP for large requests.
/// </summary>
internal sealed record SipDestination(SipTransportKind Transport, IPEndPoint EndPoint, bool TransportExplicit = false)
{
    public override string ToString() => $"{Transport.ToString().ToUpperInvariant()} {EndPoint}";
}
