using System.Collections.Concurrent;
using RcmlEngine.Webhooks.Debugger;

namespace RcmlEngine.Tests.Support;

/// <summary>Keeps the debugger notifications instead of sending them.</summary>
internal sealed class RecordingDebuggerNotifier : IDebuggerNotifier
{
    private readonly ConcurrentQueue<DebuggerNotification> _notifications = new();

    public IReadOnlyList<DebuggerNotification> Notifications => [.. _notifications];

    public IReadOnlyList<int> Codes => [.. Notifications.Select(n => n.ErrorCode)];

    public bool Notify(Uri webhookUrl, string? authToken, DebuggerNotification notification)
    {
        _notifications.Enqueue(notification);
        return true;
    }
}
