using RcmlEngine.Notifications.Redis;

namespace RcmlEngine.Notifications;

/// <summary>The <c>Notifications</c> section: where inbound-call notifications go, and what they carry.</summary>
internal sealed class NotificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Notifications";

    /// <summary>
    /// The parameter whose value is a notification's <c>contact_ref</c>: the last value the engine sent the
    /// application under that name during the call (<c>Digits</c> of the last Gather, say), else the query
    /// parameter of that name of the document running when the call was connected. Empty (the default):
    /// <c>contact_ref</c> is always <c>""</c>.
    /// </summary>
    public string? ContactRefParameter { get; set; }

    /// <summary>The Redis list sink; off without a connection string.</summary>
    public RedisNotificationOptions Redis { get; set; } = new();
}
