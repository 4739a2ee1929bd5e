namespace RcmlEngine.Calls.Dialing;

/// <summary>Places outbound legs (SIP: an INVITE with an SDP offer from a fresh media session).</summary>
internal interface ICallDialer
{
    /// <summary>
    /// Starts calling <see cref="DialRequest.Target"/> (a SIP target: a request from <see cref="Expand"/>)
    /// and returns the leg at once; its <see cref="IOutboundCall.Outcome"/> tells how the attempt ends.
    /// Never throws for an unreachable target: the outcome is <see cref="DialStatus.Failed"/>.
    /// </summary>
    IOutboundCall Dial(DialRequest request);

    /// <summary>
    /// The SIP requests that ring <paramref name="request"/>'s party: a number through its trunk, a client
    /// at each registration; or why it cannot be called. By default the request as it is.
    /// </summary>
    DialExpansion Expand(DialRequest request) => DialExpansion.Of(request);
}
