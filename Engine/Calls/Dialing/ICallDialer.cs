namespace RcmlEngine.Calls.Dialing;

/// <summary>Places outbound legs (SIP: an INVITE with an SDP offer from a fresh media session).</summary>
internal interface ICallDialer
{
    /// <summary>
    /// Starts calling <see cref="DialRequest.Target"/> and returns the leg at once; its
    /// <see cref="IOutboundCall.Outcome"/> tells how the attempt ends. Never throws for a bad or
    /// unreachable target: the outcome is <see cref="DialStatus.Failed"/>.
    /// </summary>
    IOutboundCall Dial(DialRequest request);
}
