using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Notifications;

namespace RcmlEngine.Tests.Notifications;

[TestFixture]
public sealed class InboundCallNotifierTests
{
    [Test]
    public void Notify_ThreeCalls_EverySinkGetsThemInOrder()
    {
        var (first, second) = (new CollectingSink(), new CollectingSink());
        var notifier = new InboundCallNotifier([first, second], NullLogger<InboundCallNotifier>.Instance);

        foreach (var sid in new[] { "CA1", "CA2", "CA3" })
        {
            notifier.Notify(Call(sid));
        }

        foreach (var sink in new[] { first, second })
        {
            sink.Messages.Select(m => m.Json).Should().Equal(
                new[] { "CA1", "CA2", "CA3" }.Select(sid => NotificationFormat.Of(Call(sid)).Json));
        }
    }

    [Test]
    public void Notify_ASinkThrows_TheCallGoesOnAndTheOtherSinkStillGetsIt()
    {
        var working = new CollectingSink();
        var notifier = new InboundCallNotifier([new ThrowingSink(), working], NullLogger<InboundCallNotifier>.Instance);

        var notify = () => notifier.Notify(Call("CA1"));

        notify.Should().NotThrow();
        working.Messages.Should().ContainSingle();
    }

    private static InboundCallNotification Call(string sid) =>
        new() { Number = "+1555000", DialNumber = "+1555999", CallRef = sid, Ref = "alice" };

    private sealed class CollectingSink : INotificationSink
    {
        public List<NotificationMessage> Messages { get; } = [];

        public void Write(NotificationMessage message) => Messages.Add(message);
    }

    private sealed class ThrowingSink : INotificationSink
    {
        public void Write(NotificationMessage message) => throw new InvalidOperationException("broken sink");
    }
}
