using System.Net;
using RcmlEngine.Sdp;

namespace RcmlEngine.Tests.Sdp;

[TestFixture]
public sealed class SdpOfferAnswerTests
{
    private static readonly SdpOrigin Origin = new("rcml", "42", 1, "IN", "IP4", "192.0.2.10");
    private static readonly SdpLocalAudio Local = new(IPAddress.Parse("192.0.2.10"), 20000);

    [Test]
    public void CreateOffer_Defaults_OffersPcmuPcmaAndTelephoneEvent101At20Ms()
    {
        var text = SdpWriter.Write(SdpOfferAnswer.CreateOffer(Local, Origin));

        text.Should().Be(
            "v=0\r\n" +
            "o=rcml 42 1 IN IP4 192.0.2.10\r\n" +
            "s=RcmlEngine\r\n" +
            "c=IN IP4 192.0.2.10\r\n" +
            "t=0 0\r\n" +
            "m=audio 20000 RTP/AVP 0 8 101\r\n" +
            "a=rtpmap:0 PCMU/8000\r\n" +
            "a=rtpmap:8 PCMA/8000\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\n" +
            "a=fmtp:101 0-16\r\n" +
            "a=ptime:20\r\n" +
            "a=sendrecv\r\n");
    }

    [Test]
    public void Answer_PcmaFirstWithTelephoneEvent96_ChoosesPcmaAndKeepsTheOffersEventType()
    {
        var offer = Parse(Offer("m=audio 30000 RTP/AVP 8 0 96", "a=rtpmap:96 telephone-event/8000", "a=fmtp:96 0-15"));

        var result = SdpOfferAnswer.Answer(offer, Local, Origin);

        result.Succeeded.Should().BeTrue(result.Error);
        result.Audio!.Codec.EncodingName.Should().Be("PCMA");
        result.Audio.Codec.PayloadType.Should().Be(8);
        result.Audio.TelephoneEventPayloadType.Should().Be(96);
        result.Audio.RemoteRtp.Should().Be(new IPEndPoint(IPAddress.Parse("198.51.100.7"), 30000));
        result.Audio.RemoteRtcp.Should().Be(new IPEndPoint(IPAddress.Parse("198.51.100.7"), 30001));
        result.Audio.PacketTimeMs.Should().Be(20);
        var media = result.Answer!.Media.Should().ContainSingle().Subject;
        media.MediaLine.Should().Be("audio 20000 RTP/AVP 8 96");
        media.RtpMaps[96].EncodingName.Should().Be("telephone-event");
        media.Direction.Should().Be(SdpDirection.SendRecv);
    }

    [Test]
    public void Answer_DynamicPcmuMapping_UsesTheOfferedNumber()
    {
        var offer = Parse(Offer("m=audio 30000 RTP/AVP 110", "a=rtpmap:110 PCMU/8000"));

        var result = SdpOfferAnswer.Answer(offer, Local, Origin);

        result.Audio!.Codec.Should().Be(new SdpAudioFormat(110, "PCMU", 8000));
        result.Audio.TelephoneEventPayloadType.Should().BeNull();
    }

    [TestCase("a=ptime:30", 30)]
    [TestCase("a=ptime:10", 10)]
    [TestCase("a=ptime:25", 20)]
    [TestCase("a=ptime:90", 20)]
    [TestCase("a=maxptime:10", 10)]
    public void Answer_PeersPtime_IsHonouredWhenWholeFrames(string line, int expected)
    {
        var result = SdpOfferAnswer.Answer(Parse(Offer("m=audio 30000 RTP/AVP 0", line)), Local, Origin);

        result.Audio!.PacketTimeMs.Should().Be(expected);
        result.Answer!.Media[0].AttributeValue("ptime").Should().Be(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestCase("a=sendrecv", "sendrecv")]
    [TestCase("a=sendonly", "recvonly")]
    [TestCase("a=recvonly", "sendonly")]
    [TestCase("a=inactive", "inactive")]
    public void Answer_OfferedDirection_IsReversed(string line, string answeredName)
    {
        var answered = SdpDirections.FromAttributeName(answeredName);
        var result = SdpOfferAnswer.Answer(Parse(Offer("m=audio 30000 RTP/AVP 0", line)), Local, Origin);

        result.Audio!.LocalDirection.Should().Be(answered);
        result.Answer!.Media[0].Direction.Should().Be(answered);
    }

    [Test]
    public void Answer_OldStyleHoldAddress_StopsSendingButKeepsReceiving()
    {
        var offer = Parse(Offer("m=audio 30000 RTP/AVP 0").Replace("c=IN IP4 198.51.100.7", "c=IN IP4 0.0.0.0", StringComparison.Ordinal));

        var result = SdpOfferAnswer.Answer(offer, Local, Origin);

        result.Audio!.LocalDirection.Should().Be(SdpDirection.RecvOnly);
        result.Audio.RemoteRtp.Should().BeNull();
    }

    [Test]
    public void Answer_LocalHoldWish_IntersectsWithOffer()
    {
        var result = SdpOfferAnswer.Answer(Parse(Offer("m=audio 30000 RTP/AVP 0")), Local with { Direction = SdpDirection.SendOnly }, Origin);

        result.Audio!.LocalDirection.Should().Be(SdpDirection.SendOnly);
    }

    [Test]
    public void Answer_VideoAndSecondAudio_AreRejectedWithPortZeroInOrder()
    {
        var offer = Parse(Offer(
            "m=video 30002 RTP/AVP 31",
            "m=audio 30000 RTP/AVP 0",
            "m=audio 30004 RTP/AVP 8",
            "m=application 30006 UDP/BFCP *"));

        var result = SdpOfferAnswer.Answer(offer, Local, Origin);

        result.Answer!.Media.Select(m => m.MediaLine).Should().Equal(
            "video 0 RTP/AVP 31",
            "audio 20000 RTP/AVP 0",
            "audio 0 RTP/AVP 8",
            "application 0 UDP/BFCP *");
    }

    [Test]
    public void Answer_SrtpOnly_FailsNamingTheTransport()
    {
        var result = SdpOfferAnswer.Answer(Parse(Offer("m=audio 30000 RTP/SAVP 0")), Local, Origin);

        result.Succeeded.Should().BeFalse();
        result.Error.Should().Contain("RTP/SAVP is not supported");
    }

    [Test]
    public void Answer_NoCommonCodec_FailsNamingWhatWasOffered()
    {
        var result = SdpOfferAnswer.Answer(Parse(Offer("m=audio 30000 RTP/AVP 18 9")), Local, Origin);

        result.Succeeded.Should().BeFalse();
        result.Error.Should().Be("no common codec: offered 18 (G729/8000), 9 (G722/8000); supported PCMU, PCMA");
    }

    [Test]
    public void Answer_Ipv6Offer_GivesIpv6Endpoint()
    {
        var offer = Parse(Offer("m=audio 30000 RTP/AVP 0").Replace("c=IN IP4 198.51.100.7", "c=IN IP6 2001:db8::7", StringComparison.Ordinal));
        var local6 = Local with { Address = IPAddress.Parse("2001:db8::10") };

        var result = SdpOfferAnswer.Answer(offer, local6, Origin);

        result.Audio!.RemoteRtp.Should().Be(new IPEndPoint(IPAddress.Parse("2001:db8::7"), 30000));
        result.Answer!.Connection.Should().Be(new SdpConnection("IN", "IP6", "2001:db8::10"));
    }

    [Test]
    public void Answer_RtcpAttribute_GivesTheRtcpPort()
    {
        var result = SdpOfferAnswer.Answer(Parse(Offer("m=audio 30000 RTP/AVP 0", "a=rtcp:31001")), Local, Origin);

        result.Audio!.RemoteRtcp!.Port.Should().Be(31001);
    }

    [Test]
    public void ApplyAnswer_PeerAnswersPcmaAnd101_AgreesOnThem()
    {
        var offer = SdpOfferAnswer.CreateOffer(Local, Origin);
        var answer = Parse(Offer("m=audio 30000 RTP/AVP 8 101", "a=rtpmap:101 telephone-event/8000", "a=ptime:30", "a=sendrecv"));

        var result = SdpOfferAnswer.ApplyAnswer(offer, answer, Local);

        result.Audio!.Codec.EncodingName.Should().Be("PCMA");
        result.Audio.TelephoneEventPayloadType.Should().Be(101);
        result.Audio.PacketTimeMs.Should().Be(30);
        result.Audio.LocalDirection.Should().Be(SdpDirection.SendRecv);
    }

    [Test]
    public void ApplyAnswer_HoldOfferAnsweredRecvonly_SendsOnly()
    {
        var holding = Local with { Direction = SdpDirection.SendOnly };
        var offer = SdpOfferAnswer.CreateOffer(holding, Origin);
        var answer = Parse(Offer("m=audio 30000 RTP/AVP 0", "a=recvonly"));

        SdpOfferAnswer.ApplyAnswer(offer, answer, holding).Audio!.LocalDirection.Should().Be(SdpDirection.SendOnly);
    }

    [Test]
    public void ApplyAnswer_RejectedAudio_Fails()
    {
        var result = SdpOfferAnswer.ApplyAnswer(SdpOfferAnswer.CreateOffer(Local, Origin), Parse(Offer("m=audio 0 RTP/AVP 0")), Local);

        result.Error.Should().Be("the answer rejected the audio stream (port 0)");
    }

    [Test]
    public void ApplyAnswer_WrongMediaCount_Fails()
    {
        var answer = Parse(Offer("m=audio 30000 RTP/AVP 0", "m=video 0 RTP/AVP 31"));

        SdpOfferAnswer.ApplyAnswer(SdpOfferAnswer.CreateOffer(Local, Origin), answer, Local).Error.Should().Contain("RFC 3264 6");
    }

    [Test]
    public void ApplyAnswer_CodecNotOffered_Fails()
    {
        var result = SdpOfferAnswer.ApplyAnswer(SdpOfferAnswer.CreateOffer(Local, Origin), Parse(Offer("m=audio 30000 RTP/AVP 18")), Local);

        result.Error.Should().StartWith("the answer chose no codec this side offered");
    }

    private static string Offer(params string[] mediaLines) =>
        "v=0\r\no=peer 7 7 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\n" + string.Join("\r\n", mediaLines) + "\r\n";

    private static SdpSessionDescription Parse(string text)
    {
        SdpParser.TryParse(text, out var sdp, out var error).Should().BeTrue(error?.ToString());
        return sdp!;
    }
}
