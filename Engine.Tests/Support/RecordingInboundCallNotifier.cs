using System.Collections.Concurrent;
using RcmlEngine.Notifications;

namespace RcmlEngine.Tests.Support;

/// <summary>Keeps every inbound-call notification raised, in order.</summary>
internal sealed class RecordingInboundCallNotifier : IInboundCallNotifier
{
    private readonly ConcurrentQueue<InboundCallNotification> _notifications = new();

    public IReadOnlyList<InboundCallNotification> Notifications => [.. _notifications];

    public void Notify(InboundCallNotification notification) => _notifications.Enqueue(notification);
}
