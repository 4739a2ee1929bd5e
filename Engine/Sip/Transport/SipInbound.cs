using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Transport;

/// <summary>A parsed message as it leaves the transport layer, with where it came from.</summary>
internal sealed record SipInbound(SipMessage Message, SipRemote Source);
