using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Transport;

/// <summary>Turns a SIP URI into the ordered places to try (RFC 3263).</summary>
internal interface ISipResolver
{
    Task<IReadOnlyList<SipDestination>> ResolveAsync(SipUri uri, CancellationToken cancellationToken);
}
