using System.Net;
using RcmlEngine.Rtp;

namespace RcmlEngine.Tests.Rtp;

[TestFixture]
public sealed class RtpPortAllocatorTests
{
    // A small range of its own per test process, so parallel runs of other suites do not collide.
    private static readonly int Base = 42000 + (Environment.ProcessId % 500 * 8);

    [Test]
    public void Allocate_RangeOfTwoPairs_GivesEvenOddPairsThenFailsClearly()
    {
        var allocator = new RtpPortAllocator(Base, Base + 3);
        using var first = allocator.Allocate(IPAddress.Loopback);
        using var second = allocator.Allocate(IPAddress.Loopback);

        new[] { first.RtpEndPoint.Port, second.RtpEndPoint.Port }.Should().BeEquivalentTo([Base, Base + 2]);
        first.RtcpEndPoint.Port.Should().Be(first.RtpEndPoint.Port + 1);
        var exhausted = () => allocator.Allocate(IPAddress.Loopback);
        exhausted.Should().Throw<InvalidOperationException>().WithMessage($"no free RTP port pair in {Base}-{Base + 3}*");
    }

    [Test]
    public void Allocate_AfterRelease_ReusesThePort()
    {
        var allocator = new RtpPortAllocator(Base, Base + 1);
        allocator.Allocate(IPAddress.Loopback).Dispose();
        allocator.InUse.Should().Be(0);

        using var again = allocator.Allocate(IPAddress.Loopback);
        again.RtpEndPoint.Port.Should().Be(Base);
    }

    [Test]
    public void Allocate_PortHeldByAnotherProgram_IsSkipped()
    {
        using var squatter = RtpSocketPair.Bind(IPAddress.Loopback, Base + 5);
        var allocator = new RtpPortAllocator(Base + 4, Base + 7);

        using var pair = allocator.Allocate(IPAddress.Loopback);

        pair.RtpEndPoint.Port.Should().Be(Base + 6, "the RTCP port of the first pair was taken");
    }

    [Test]
    public void Allocate_SuccessiveCalls_PortsCannotBeGuessedFromTheLast()
    {
        var allocator = new RtpPortAllocator(30000, 39999);
        var pairs = Enumerable.Range(0, 8).Select(_ => allocator.Allocate(IPAddress.Loopback)).ToList();
        try
        {
            var ports = pairs.Select(p => p.RtpEndPoint.Port).ToList();

            ports.Should().OnlyContain(p => p % 2 == 0);
            pairs.Should().OnlyContain(p => p.RtcpEndPoint.Port == p.RtpEndPoint.Port + 1);
            ports.Zip(ports.Skip(1), (a, b) => b - a).Should().NotBeEquivalentTo(Enumerable.Repeat(2, 7), "ports are not handed out in order");
            ports.Distinct().Should().HaveCount(8);
        }
        finally
        {
            pairs.ForEach(p => p.Dispose());
        }
    }

    [Test]
    public void Constructor_RangeWithoutAPair_Throws()
    {
        var create = () => new RtpPortAllocator(10001, 10001);
        create.Should().Throw<ArgumentException>();
    }
}
