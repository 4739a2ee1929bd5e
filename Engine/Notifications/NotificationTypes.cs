namespace RcmlEngine.Notifications;

/// <summary>The <c>type</c> values of notification messages.</summary>
internal static class NotificationTypes
{
    /// <summary>An inbound call connected to an agent (<see cref="InboundCallNotification"/>).</summary>
    public const string Call = "call";
}
