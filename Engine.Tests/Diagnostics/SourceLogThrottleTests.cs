using System.Net;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Tests.Diagnostics;

[TestFixture]
public sealed class SourceLogThrottleTests
{
    private static readonly IPAddress Noisy = IPAddress.Parse("127.0.0.2");

    [Test]
    public void Check_PastTheLimit_StartsSuppressingThenReportsTheCountNextMinute()
    {
        var time = new FakeTimeProvider();
        var throttle = new SourceLogThrottle(3, time);

        var decisions = Enumerable.Range(0, 6).Select(_ => throttle.Check(Noisy, out _)).ToList();
        time.Advance(TimeSpan.FromMinutes(1));
        var next = throttle.Check(Noisy, out var suppressed);

        decisions.Should().Equal(
            SourceLogThrottle.Decision.Write, SourceLogThrottle.Decision.Write, SourceLogThrottle.Decision.Write,
            SourceLogThrottle.Decision.StartSuppressing, SourceLogThrottle.Decision.Suppress, SourceLogThrottle.Decision.Suppress);
        next.Should().Be(SourceLogThrottle.Decision.Write);
        suppressed.Should().Be(3, "the three lines held back in the last minute are reported once");
    }

    [Test]
    public void Check_AnotherSource_HasItsOwnAllowance()
    {
        var throttle = new SourceLogThrottle(1, new FakeTimeProvider());
        throttle.Check(Noisy, out _);

        throttle.Check(Noisy, out _).Should().NotBe(SourceLogThrottle.Decision.Write);
        throttle.Check(IPAddress.Loopback, out _).Should().Be(SourceLogThrottle.Decision.Write);
    }
}
