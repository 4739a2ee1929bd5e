namespace RcmlEngine.Sip.Transport;

/// <summary>The transports the stack speaks (RFC 3261 18).</summary>
internal enum SipTransportKind
{
    Udp,
    Tcp,
}
