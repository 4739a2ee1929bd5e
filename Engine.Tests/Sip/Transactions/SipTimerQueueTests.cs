using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Sip.Transactions;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Sip.Transactions;

[TestFixture]
public sealed class SipTimerQueueTests
{
    [Test]
    public void Fire_OneCallbackThrows_OthersDueRunAndItIsLogged()
    {
        var time = new FakeTimeProvider();
        using var logs = new CollectingLoggerProvider();
        using var queue = new SipTimerQueue(time, logs.CreateLogger<SipTimerQueue>());
        var ran = new List<string>();
        queue.Schedule(TimeSpan.FromMilliseconds(500), () => ran.Add("first"));
        queue.Schedule(TimeSpan.FromMilliseconds(500), () => throw new InvalidOperationException("socket gone"));
        queue.Schedule(TimeSpan.FromMilliseconds(500), () => ran.Add("third"));
        queue.Schedule(TimeSpan.FromSeconds(2), () => ran.Add("later"));

        var advance = () => time.Advance(TimeSpan.FromSeconds(3));

        advance.Should().NotThrow("an exception on the timer thread would end the process");
        ran.Should().Equal("first", "third", "later");
        logs.Messages.Should().ContainSingle(m => m.Contains("A SIP timer failed", StringComparison.Ordinal) && m.Contains("socket gone", StringComparison.Ordinal));
    }
}
