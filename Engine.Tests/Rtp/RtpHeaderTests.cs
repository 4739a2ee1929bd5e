using RcmlEngine.Rtp;

namespace RcmlEngine.Tests.Rtp;

[TestFixture]
public sealed class RtpHeaderTests
{
    [Test]
    public void Write_ThenTryRead_RoundTripsEveryField()
    {
        var packet = new byte[12 + 160];
        RtpHeader.Write(packet, marker: true, payloadType: 8, sequenceNumber: 65535, timestamp: 0xDEADBEEF, ssrc: 0x01020304);

        RtpHeader.TryRead(packet, out var header).Should().BeTrue();

        header.Should().Be(new RtpHeader(true, 8, 65535, 0xDEADBEEF, 0x01020304, 12, 160));
        packet[0].Should().Be(0x80, "version 2, no padding, extension or CSRCs");
    }

    [Test]
    public void TryRead_CsrcExtensionAndPadding_FindsThePayload()
    {
        // 2 CSRCs, an extension of 1 word, 3 padding octets.
        var packet = new byte[12 + 8 + 4 + 4 + 5 + 3];
        RtpHeader.Write(packet, false, 0, 1, 2, 3);
        packet[0] = 0x80 | 0x20 | 0x10 | 0x02;
        packet[12 + 8 + 3] = 1;
        packet[^1] = 3;

        RtpHeader.TryRead(packet, out var header).Should().BeTrue();

        header.PayloadOffset.Should().Be(12 + 8 + 8);
        header.PayloadLength.Should().Be(5);
    }

    [TestCase(new byte[] { 0x80, 0, 0, 1 }, TestName = "TryRead_TooShort_IsRefused")]
    [TestCase(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, TestName = "TryRead_Version1_IsRefused")]
    [TestCase(new byte[] { 0x8F, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, TestName = "TryRead_CsrcsBeyondEnd_AreRefused")]
    [TestCase(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 9, 20 }, TestName = "TryRead_PaddingBeyondPayload_IsRefused")]
    public void TryRead_Malformed_IsRefused(byte[] packet)
    {
        RtpHeader.TryRead(packet, out _).Should().BeFalse();
    }

    [Test]
    public void LooksLikeRtcp_ReceiverReport_IsTrue()
    {
        RtpHeader.LooksLikeRtcp([0x80, 201, 0, 1]).Should().BeTrue();
        RtpHeader.LooksLikeRtcp([0x80, 0x80 | 0, 0, 1]).Should().BeFalse();
    }
}
