using System.Net;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Rtp;

namespace RcmlEngine.Tests.Rtp;

[TestFixture]
public sealed class RtpSourceLatchTests
{
    private static readonly IPEndPoint Signalled = new(IPAddress.Loopback, 4000);
    private static readonly IPEndPoint OtherPort = new(IPAddress.Loopback, 4100);
    private static readonly IPEndPoint Attacker = new(IPAddress.Parse("127.0.0.2"), 4000);

    private readonly FakeTimeProvider _time = new();

    [Test]
    public void Accept_AnotherAddressFirst_IsRefused()
    {
        var latch = NewLatch(new RtpOptions());

        Accepts(latch, Attacker).Should().BeFalse();
        Accepts(latch, Signalled).Should().BeTrue();
        latch.Target.Should().Be(Signalled.Serialize());
    }

    [Test]
    public void Accept_OtherPortOfTheSignalledAddressInTheWindow_IsLatched()
    {
        var latch = NewLatch(new RtpOptions());

        Accepts(latch, OtherPort).Should().BeTrue();

        latch.Target.Should().Be(OtherPort.Serialize());
    }

    [Test]
    public void Accept_OtherPortAfterTheWindow_IsRefused()
    {
        var latch = NewLatch(new RtpOptions { LatchWindow = TimeSpan.FromSeconds(2) });
        _time.Advance(TimeSpan.FromSeconds(2));

        Accepts(latch, OtherPort).Should().BeFalse();
        latch.Target.Should().Be(Signalled.Serialize());
    }

    [Test]
    public void Accept_LatchedSourceSilentForLong_IsNotReplaced()
    {
        var latch = NewLatch(new RtpOptions { SymmetricLatching = true });
        Accepts(latch, OtherPort).Should().BeTrue();
        _time.Advance(TimeSpan.FromMinutes(1));

        Accepts(latch, new IPEndPoint(IPAddress.Loopback, 4200)).Should().BeFalse();
        Accepts(latch, Attacker).Should().BeFalse();
        latch.Target.Should().Be(OtherPort.Serialize());
    }

    [Test]
    public void Accept_SignalledPortAfterAnotherWasLatched_TakesBackTheTarget()
    {
        var latch = NewLatch(new RtpOptions());
        Accepts(latch, OtherPort).Should().BeTrue();
        _time.Advance(TimeSpan.FromMinutes(1));

        latch.Accept(Signalled.Serialize(), out var moved).Should().BeTrue();

        moved.Should().BeTrue();
        latch.Target.Should().Be(Signalled.Serialize());
        Accepts(latch, OtherPort).Should().BeFalse("the window is over");
    }

    [Test]
    public void Accept_SymmetricLatchingOn_LatchesAnyAddressOnlyInTheWindow()
    {
        var on = NewLatch(new RtpOptions { SymmetricLatching = true });
        Accepts(on, Attacker).Should().BeTrue();
        on.Target.Should().Be(Attacker.Serialize());

        var late = NewLatch(new RtpOptions { SymmetricLatching = true });
        _time.Advance(TimeSpan.FromSeconds(3));
        Accepts(late, Attacker).Should().BeFalse();
    }

    [Test]
    public void Accept_SourcePortZero_AcceptedFromTheSignalledAddressButNeverLatched()
    {
        var latch = NewLatch(new RtpOptions());

        Accepts(latch, new IPEndPoint(IPAddress.Loopback, 0)).Should().BeTrue();
        Accepts(latch, new IPEndPoint(Attacker.Address, 0)).Should().BeFalse();
        latch.Target.Should().Be(Signalled.Serialize());
    }

    [Test]
    public void Reset_NewSignalledAddress_ForgetsTheLatchAndOpensTheWindow()
    {
        var latch = NewLatch(new RtpOptions());
        Accepts(latch, OtherPort).Should().BeTrue();
        _time.Advance(TimeSpan.FromMinutes(1));
        var moved = new IPEndPoint(IPAddress.Parse("127.0.0.3"), 5000);

        latch.Reset(moved.Serialize());

        latch.Target.Should().Be(moved.Serialize());
        Accepts(latch, OtherPort).Should().BeFalse();
        Accepts(latch, new IPEndPoint(moved.Address, 5002)).Should().BeTrue();
    }

    private RtpSourceLatch NewLatch(RtpOptions options)
    {
        var latch = new RtpSourceLatch(_time, options);
        latch.Reset(Signalled.Serialize());
        return latch;
    }

    private static bool Accepts(RtpSourceLatch latch, IPEndPoint from) => latch.Accept(from.Serialize(), out _);
}
