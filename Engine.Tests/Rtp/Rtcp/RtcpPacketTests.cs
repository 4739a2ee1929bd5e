using System.Buffers.Binary;
using RcmlEngine.Rtp;
using RcmlEngine.Rtp.Rtcp;

namespace RcmlEngine.Tests.Rtp.Rtcp;

[TestFixture]
public sealed class RtcpPacketTests
{
    [Test]
    public void WriteCompound_SrSdesBye_ReadsBack()
    {
        var buffer = new byte[256];
        var statistics = new RtpReceiveStatistics();
        statistics.Update(0x1111, 1);
        var ntp = NtpTimestamp.From(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var length = RtcpPacket.WriteSenderReport(buffer, 0x2222, ntp, 160, 10, 1600, statistics, 0, 1000);
        length += RtcpPacket.WriteSourceDescription(buffer.AsSpan(length), 0x2222, "rcml@127.0.0.1");
        length += RtcpPacket.WriteBye(buffer.AsSpan(length), 0x2222);

        var summary = RtcpCompoundReader.Read(buffer.AsSpan(0, length));

        summary.Should().Be(new RtcpCompoundReader.Summary(true, 0x2222, ntp.Middle, true));
        length.Should().Be(52 + 28 + 8, "SR with one block (52), SDES with a 14-octet CNAME padded to 28, BYE 8");
        (length % 4).Should().Be(0);
        BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2)).Should().Be(12, "length in words minus one");
    }

    [Test]
    public void NtpTimestamp_UnixEpoch_Is2208988800Seconds()
    {
        var ntp = NtpTimestamp.From(DateTimeOffset.UnixEpoch.AddSeconds(1.5));

        ntp.Seconds.Should().Be(2_208_988_801u);
        ntp.Fraction.Should().Be(0x80000000u);
    }

    [TestCase(new byte[] { 0x80, 202, 0, 0 }, TestName = "Read_StartsWithSdes_IsInvalid")]
    [TestCase(new byte[] { 0x80, 201, 0, 5, 0, 0, 0, 1 }, TestName = "Read_LengthPastEnd_IsInvalid")]
    [TestCase(new byte[] { 0x40, 201, 0, 1, 0, 0, 0, 1 }, TestName = "Read_WrongVersion_IsInvalid")]
    public void Read_Malformed_IsInvalid(byte[] packet)
    {
        RtcpCompoundReader.Read(packet).Valid.Should().BeFalse();
    }
}
