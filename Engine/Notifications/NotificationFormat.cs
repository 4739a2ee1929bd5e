using System.Text.Json;

namespace RcmlEngine.Notifications;

/// <summary>Turns notifications into the messages the sinks write.</summary>
internal static class NotificationFormat
{
    /// <summary>The <c>call</c> message of <paramref name="notification"/>.</summary>
    public static NotificationMessage Of(InboundCallNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var envelope = new CallNotificationEnvelope(NotificationTypes.Call, notification);
        return new(NotificationTypes.Call, JsonSerializer.Serialize(envelope, NotificationJsonContext.Relaxed.CallNotificationEnvelope));
    }
}
