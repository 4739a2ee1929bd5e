using System.Net;
using RcmlEngine.Rtp.Codecs;

namespace RcmlEngine.Rtp;

/// <summary>What a session sends and accepts, as offer/answer agreed it. Replaced whole on re-negotiation.</summary>
/// <param name="RemoteRtp">The peer's signalled RTP address: where RTP goes and comes from (<see cref="RtpSourceLatch"/>); null sends nothing.</param>
/// <param name="RemoteRtcp">The peer's signalled RTCP address, held to the same rule.</param>
/// <param name="Codec">The G.711 law sent.</param>
/// <param name="PayloadType">The payload type sent for it (static 0/8, or a dynamic one the peer mapped).</param>
/// <param name="TelephoneEventPayloadType">The RFC 4733 payload type, or null: digits are then sent in band.</param>
/// <param name="PacketTimeMs">Milliseconds of audio per packet (10 to 60).</param>
/// <param name="Send">Whether this side sends (the direction includes send).</param>
/// <param name="Receive">Whether this side expects media (the direction includes receive): audio is delivered, and inactivity is watched while this side also sends (not on hold).</param>
internal sealed record RtpStreamConfig(
    IPEndPoint? RemoteRtp,
    IPEndPoint? RemoteRtcp,
    G711Codec Codec,
    byte PayloadType,
    byte? TelephoneEventPayloadType,
    int PacketTimeMs,
    bool Send,
    bool Receive)
{
    /// <summary>Samples (and timestamp units) per packet at 8 kHz.</summary>
    public int SamplesPerPacket => PacketTimeMs * 8;
}
