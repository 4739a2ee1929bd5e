using System.Net;

namespace RcmlEngine.Sdp;

/// <summary>What this side puts in its offers and answers for its one audio stream.</summary>
/// <param name="Address">The address written in <c>c=</c> (the advertised address, which may differ from the bound one behind NAT).</param>
/// <param name="Port">The local RTP port (even, RTCP on the next one).</param>
internal sealed record SdpLocalAudio(IPAddress Address, int Port)
{
    /// <summary>The packet time offered when the peer states none (RFC 3551 4.5: 20 ms for G.711).</summary>
    public const int DefaultPacketTimeMs = 20;

    /// <summary>Encoding names supported, in order of preference; all must have 8 kHz static payload types.</summary>
    public IReadOnlyList<string> Codecs { get; init; } = new[] { "PCMU", "PCMA" };

    /// <summary>Whether RFC 4733 telephone-event is offered and accepted.</summary>
    public bool TelephoneEvent { get; init; } = true;

    /// <summary>The payload type used for telephone-event when this side makes the offer.</summary>
    public int TelephoneEventPayloadType { get; init; } = SdpAudioFormat.DefaultTelephoneEventPayloadType;

    /// <summary>The packet time this side asks for in its offers.</summary>
    public int PacketTimeMs { get; init; } = DefaultPacketTimeMs;

    /// <summary>The direction this side wants: sendrecv normally, sendonly to hold the peer, inactive to pause both ways.</summary>
    public SdpDirection Direction { get; init; } = SdpDirection.SendRecv;

    /// <summary>The <c>s=</c> text of descriptions this side writes.</summary>
    public string SessionName { get; init; } = "RcmlEngine";
}
