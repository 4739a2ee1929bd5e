using System.Buffers.Binary;
using RcmlEngine.Rtp;

namespace RcmlEngine.Tests.Rtp;

[TestFixture]
public sealed class RtpReceiveStatisticsTests
{
    [Test]
    public void Update_WrapAndOneLoss_CountsCyclesAndLoss()
    {
        var statistics = new RtpReceiveStatistics();
        foreach (var seq in new ushort[] { 65533, 65534, 0, 1, 2 })
        {
            statistics.Update(7, seq);
        }

        statistics.ExtendedHighestSequence.Should().Be(65536 + 2);
        statistics.CumulativeLost.Should().Be(1);
    }

    [Test]
    public void WriteReportBlock_QuarterLost_GivesFraction64()
    {
        var statistics = new RtpReceiveStatistics();
        for (ushort seq = 0; seq < 8; seq++)
        {
            if (seq is not (2 or 5))
            {
                statistics.Update(0xABCD, seq);
            }
        }

        var block = new byte[24];
        statistics.WriteReportBlock(block, now: 0, timestampFrequency: 1000);

        BinaryPrimitives.ReadUInt32BigEndian(block).Should().Be(0xABCD);
        block[4].Should().Be(64, "2 of 8 lost is 64/256");
        (BinaryPrimitives.ReadUInt32BigEndian(block.AsSpan(4)) & 0xFFFFFF).Should().Be(2);
        BinaryPrimitives.ReadUInt32BigEndian(block.AsSpan(8)).Should().Be(7);
    }

    [Test]
    public void UpdateJitter_SteadyArrivals_StaysZero_ThenGrowsWithVariation()
    {
        var statistics = new RtpReceiveStatistics();
        for (uint i = 0; i < 50; i++)
        {
            statistics.Update(1, (ushort)i);
            statistics.UpdateJitter(i * 160, 1000 + (i * 160));
        }

        statistics.Jitter.Should().Be(0);
        for (uint i = 50; i < 100; i++)
        {
            statistics.Update(1, (ushort)i);
            statistics.UpdateJitter(i * 160, 1000 + (i * 160) + (i % 2 == 0 ? 40u : 0u));
        }

        statistics.Jitter.Should().BeInRange(30, 40, "alternating 40-unit transit changes converge to about 40");
    }
}
