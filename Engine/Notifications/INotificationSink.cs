namespace RcmlEngine.Notifications;

/// <summary>Somewhere notifications go (a Redis list). Registered only when configured.</summary>
internal interface INotificationSink
{
    /// <summary>
    /// Takes <paramref name="message"/> for delivery after those taken before it; returns at once
    /// (no I/O on the caller's thread). A type the sink is not configured for is ignored.
    /// </summary>
    void Write(NotificationMessage message);
}
