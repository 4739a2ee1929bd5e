using System.Net;

namespace RcmlEngine.Sdp;

/// <summary>The audio stream offer/answer agreed on: where to send, what, how often, and which way.</summary>
/// <param name="RemoteRtp">Where to send RTP; null when the peer gave no usable address (hold address 0.0.0.0 or a host name).</param>
/// <param name="RemoteRtcp">Where to send RTCP: the <c>a=rtcp</c> port (RFC 3605), else the RTP port + 1.</param>
/// <param name="Codec">The voice codec both sides use.</param>
/// <param name="TelephoneEventPayloadType">The payload type of RFC 4733 events, or null when not agreed.</param>
/// <param name="PacketTimeMs">The packet time to send with (the peer's ptime when it gave one).</param>
/// <param name="LocalDirection">What this side does: sends when it includes send, expects media when it includes receive.</param>
internal sealed record SdpNegotiatedAudio(
    IPEndPoint? RemoteRtp,
    IPEndPoint? RemoteRtcp,
    SdpAudioFormat Codec,
    int? TelephoneEventPayloadType,
    int PacketTimeMs,
    SdpDirection LocalDirection);
