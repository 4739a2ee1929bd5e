using RcmlEngine.Rtp;
using RcmlEngine.Rtp.Codecs;
using RcmlEngine.Sdp;

namespace RcmlEngine.Media.Sessions;

/// <summary>SDP offer/answer for the call layer.</summary>
internal sealed partial class RtpMediaSession
{
    private readonly Lock _negotiation = new();
    private readonly SdpOriginState _origin;
    private SdpLocalAudio _local;
    private SdpSessionDescription? _pendingOffer;

    /// <summary>The audio stream last agreed, or null before the first successful negotiation.</summary>
    public SdpNegotiatedAudio? Negotiated { get; private set; }

    /// <summary>The direction this side asks for in its next offer or answer.</summary>
    public SdpDirection Direction => _local.Direction;

    /// <summary>
    /// Sets the direction this side wants: <see cref="SdpDirection.SendOnly"/> puts the peer on hold,
    /// <see cref="SdpDirection.Inactive"/> pauses both ways, <see cref="SdpDirection.SendRecv"/> resumes.
    /// Takes effect through the next offer (<see cref="CreateOffer"/>, sent in a re-INVITE) or answer.
    /// </summary>
    public void SetDirection(SdpDirection direction)
    {
        lock (_negotiation)
        {
            _local = _local with { Direction = direction };
        }
    }

    /// <summary>An offer for an INVITE or re-INVITE; remembered until <see cref="ApplyAnswer"/>.</summary>
    public string CreateOffer()
    {
        lock (_negotiation)
        {
            _pendingOffer = _origin.Stamp(SdpOfferAnswer.CreateOffer(_local, _origin.Current));
            return SdpWriter.Write(_pendingOffer);
        }
    }

    /// <summary>Answers the peer's offer (INVITE or re-INVITE) and applies it to the RTP stream.</summary>
    public SdpExchange AnswerOffer(string offerSdp)
    {
        lock (_negotiation)
        {
            if (!SdpParser.TryParse(offerSdp, out var offer, out var error))
            {
                return Refuse(error.ToString());
            }

            var result = SdpOfferAnswer.Answer(offer, _local, _origin.Current);
            if (!result.Succeeded)
            {
                return Refuse(result.Error!);
            }

            Apply(result.Audio!);
            return new SdpExchange(SdpWriter.Write(_origin.Stamp(result.Answer!)), null);
        }
    }

    /// <summary>
    /// Applies the peer's answer to this side's last offer. A <paramref name="provisional"/> answer (early
    /// media in a 183) is applied too, but the offer stays open for the final answer of the 2xx.
    /// </summary>
    public SdpExchange ApplyAnswer(string answerSdp, bool provisional = false)
    {
        lock (_negotiation)
        {
            if (_pendingOffer is null)
            {
                return Refuse("no offer is waiting for an answer");
            }

            if (!SdpParser.TryParse(answerSdp, out var answer, out var error))
            {
                return Refuse(error.ToString());
            }

            var result = SdpOfferAnswer.ApplyAnswer(_pendingOffer, answer, _local);
            if (!result.Succeeded)
            {
                return Refuse(result.Error!);
            }

            if (!provisional)
            {
                _pendingOffer = null;
            }

            Apply(result.Audio!);
            return new SdpExchange(null, null);
        }
    }

    private void Apply(SdpNegotiatedAudio audio)
    {
        Negotiated = audio;
        var codec = G711Codec.FromName(audio.Codec.EncodingName) ?? G711Codec.Pcmu;
        _rtp.Configure(new RtpStreamConfig(
            audio.RemoteRtp,
            audio.RemoteRtcp,
            codec,
            (byte)audio.Codec.PayloadType,
            audio.TelephoneEventPayloadType is { } te ? (byte)te : null,
            audio.PacketTimeMs,
            Send: audio.LocalDirection.Sends(),
            Receive: audio.LocalDirection.Receives()));
        LogNegotiated(Id, audio.Codec.EncodingName, audio.PacketTimeMs, audio.LocalDirection);
    }

    private SdpExchange Refuse(string error)
    {
        LogNegotiationFailed(Id, error);
        return new SdpExchange(null, error);
    }
}
