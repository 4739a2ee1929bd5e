using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Transport;

/// <summary>
/// Told of each SIP message the transport layer parsed or sent (first sends, not retransmissions), for
/// the call inspector. Called on the receive and send paths: quick, and never throws.
/// </summary>
internal interface ISipMessageTrace
{
    /// <summary>A message received from, or sent to, <paramref name="remote"/>.</summary>
    void OnMessage(SipMessage message, bool outgoing, SipRemote remote);
}
