using System.Globalization;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Webhooks.Debugger;

/// <summary>
/// Sends debugger notifications in the shape of Twilio's debugging events webhook: a form POST with
/// <c>Sid</c> (<c>NO</c> + 32 hex), <c>AccountSid</c>, <c>Timestamp</c> (ISO 8601 UTC), <c>Level</c>
/// (<c>Error</c>/<c>Warning</c>), <c>PayloadType=application/json</c> and <c>Payload</c>, a JSON object
/// built by <see cref="DebuggerPayload"/>. Notifications of one account go out in order, in their own
/// queue (<c>debugger:</c>AccountSid), so a dead debugger webhook never holds a call's callbacks.
/// </summary>
internal sealed class DebuggerNotifier(ICallbackDispatcher dispatcher, TimeProvider time) : IDebuggerNotifier
{
    /// <summary>The prefix of the queue key of an account's debugger notifications.</summary>
    public const string QueuePrefix = "debugger:";

    /// <inheritdoc />
    public bool Notify(Uri webhookUrl, string? authToken, DebuggerNotification notification)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        ArgumentNullException.ThrowIfNull(notification);
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("Sid", "NO" + Guid.NewGuid().ToString("N")),
            new("AccountSid", notification.AccountSid),
            new("Timestamp", time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("Level", notification.Level.ToString()),
            new("PayloadType", "application/json"),
            new("Payload", DebuggerPayload.ToJson(notification)),
        };
        var request = new WebhookRequest(webhookUrl, WebhookMethod.Post, parameters, authToken);
        return dispatcher.Enqueue(QueuePrefix + notification.AccountSid, request);
    }
}
