using System.Globalization;
using System.Text.Json.Nodes;

namespace RcmlEngine.Webhooks.Debugger;

/// <summary>
/// The <c>Payload</c> JSON of a debugger notification, in Twilio's field names:
/// <code>
/// { "resource_sid": "CA...", "error_code": "11200",
///   "more_info": { "Msg": "...", "url": "...", ...extra },
///   "webhook": { "request": { "url": "...", "method": "POST" },
///                "response": { "status_code": "500", "body": "..." } } }
/// </code>
/// <c>webhook</c> is present only when a request was involved; <c>response</c> only when it was answered.
/// Request parameters are left out (they carry phone numbers and the app already has them).
/// </summary>
internal static class DebuggerPayload
{
    /// <summary>Serializes <paramref name="notification"/>.</summary>
    public static string ToJson(DebuggerNotification notification)
    {
        var moreInfo = new JsonObject { ["Msg"] = notification.Message };
        if (notification.RequestUrl is { } url)
        {
            moreInfo["url"] = url.OriginalString;
        }

        foreach (var (name, value) in notification.MoreInfo ?? new Dictionary<string, string>())
        {
            moreInfo[name] = value;
        }

        var payload = new JsonObject
        {
            ["resource_sid"] = notification.CallSid,
            ["error_code"] = notification.ErrorCode.ToString(CultureInfo.InvariantCulture),
            ["more_info"] = moreInfo,
        };
        if (notification.RequestUrl is not null)
        {
            payload["webhook"] = Webhook(notification);
        }

        return payload.ToJsonString();
    }

    private static JsonObject Webhook(DebuggerNotification notification)
    {
        var webhook = new JsonObject
        {
            ["request"] = new JsonObject
            {
                ["url"] = notification.RequestUrl!.OriginalString,
                ["method"] = (notification.RequestMethod ?? WebhookMethod.Post).ToString().ToUpperInvariant(),
            },
        };
        if (notification.ResponseStatusCode is { } status)
        {
            webhook["response"] = new JsonObject
            {
                ["status_code"] = status.ToString(CultureInfo.InvariantCulture),
                ["body"] = notification.ResponseBody ?? string.Empty,
            };
        }

        return webhook;
    }
}
