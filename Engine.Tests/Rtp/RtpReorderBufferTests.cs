using RcmlEngine.Rtp;

namespace RcmlEngine.Tests.Rtp;

[TestFixture]
public sealed class RtpReorderBufferTests
{
    [Test]
    public void Add_InOrder_PassesStraightThrough()
    {
        using var buffer = new RtpReorderBuffer(3);
        Feed(buffer, 10).Should().Equal(10);
        Feed(buffer, 11).Should().Equal(11);
    }

    [Test]
    public void Add_SwappedPair_ReleasesInOrder()
    {
        using var buffer = new RtpReorderBuffer(3);
        Feed(buffer, 1).Should().Equal(1);
        Feed(buffer, 3).Should().BeEmpty();
        Feed(buffer, 2).Should().Equal(2, 3);
    }

    [Test]
    public void Add_LostPacket_IsGivenUpWhenTheBufferFills()
    {
        using var buffer = new RtpReorderBuffer(3);
        Feed(buffer, 1);
        Feed(buffer, 3).Should().BeEmpty();
        Feed(buffer, 4).Should().BeEmpty();
        Feed(buffer, 5).Should().BeEmpty();
        Feed(buffer, 6).Should().Equal(3, 4, 5, 6);
        buffer.Lost.Should().Be(1);
        Feed(buffer, 2).Should().BeEmpty("too late once given up");
    }

    [Test]
    public void Add_DuplicateAndLate_AreDropped()
    {
        using var buffer = new RtpReorderBuffer(3);
        Feed(buffer, 7);
        Feed(buffer, 7).Should().BeEmpty();
        Feed(buffer, 6).Should().BeEmpty();
        buffer.Dropped.Should().Be(2);
    }

    [Test]
    public void Add_AcrossWrap_KeepsOrder()
    {
        using var buffer = new RtpReorderBuffer(3);
        Feed(buffer, 65534).Should().Equal(65534);
        Feed(buffer, 0).Should().BeEmpty();
        Feed(buffer, 65535).Should().Equal(65535, 0);
    }

    [Test]
    public void Add_BigJump_RestartsTheStream()
    {
        using var buffer = new RtpReorderBuffer(3);
        Feed(buffer, 100);
        Feed(buffer, 30000).Should().Equal(30000);
    }

    [Test]
    public void TryTake_Payload_IsTheBytesAdded()
    {
        using var buffer = new RtpReorderBuffer(3);
        var header = new RtpHeader(false, 0, 5, 0, 1, 12, 3);
        buffer.Add(header, [1, 2, 3]).Should().BeTrue();
        buffer.TryTake(out var taken, out var payload).Should().BeTrue();
        taken.SequenceNumber.Should().Be(5);
        payload.ToArray().Should().Equal(1, 2, 3);
    }

    private static List<int> Feed(RtpReorderBuffer buffer, int sequence)
    {
        var released = new List<int>();
        buffer.Add(new RtpHeader(false, 0, (ushort)sequence, (uint)sequence * 160, 1, 12, 1), [0]);
        while (buffer.TryTake(out var header, out _))
        {
            released.Add(header.SequenceNumber);
        }

        return released;
    }
}
