using RcmlEngine.Calls;
using RcmlEngine.Calls.Records;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Api.Calls;

/// <summary>Turns call records into Twilio's call JSON, and names the paths of calls.</summary>
internal static class CallResources
{
    /// <summary>The path of the account's calls list.</summary>
    public static string ListPath(string accountSid) => $"/2010-04-01/Accounts/{accountSid}/Calls.json";

    /// <summary>The path of one call.</summary>
    public static string PathOf(string accountSid, string callSid) => $"/2010-04-01/Accounts/{accountSid}/Calls/{callSid}.json";

    /// <summary><paramref name="record"/> as Twilio shows a call.</summary>
    public static CallResource Of(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var prefix = $"/2010-04-01/Accounts/{record.AccountSid}/Calls/{record.Sid}/";
        return new CallResource
        {
            Sid = record.Sid,
            DateCreated = Rfc2822Timestamp.Format(record.DateCreated),
            DateUpdated = Rfc2822Timestamp.Format(record.DateUpdated),
            ParentCallSid = record.ParentCallSid,
            AccountSid = record.AccountSid,
            To = record.To,
            ToFormatted = record.To,
            From = record.From,
            FromFormatted = record.From,
            Status = StatusOf(record.Status),
            StartTime = record.StartTime is { } start ? Rfc2822Timestamp.Format(start) : null,
            EndTime = record.EndTime is { } end ? Rfc2822Timestamp.Format(end) : null,
            Duration = record.IsEnded ? (record.Duration ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            Direction = record.Direction.ToWebhookValue(),
            AnsweredBy = record.AnsweredBy,
            ForwardedFrom = record.ForwardedFrom,
            CallerName = record.CallerName,
            Uri = PathOf(record.AccountSid, record.Sid),
            SubresourceUris = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["recordings"] = prefix + "Recordings.json",
                ["notifications"] = prefix + "Notifications.json",
                ["events"] = prefix + "Events.json",
            },
        };
    }

    /// <summary>The API's word for <paramref name="status"/>: Twilio's calls resource shows <c>initiated</c> as <c>queued</c>.</summary>
    public static string StatusOf(CallStatus status) => status == CallStatus.Initiated ? "queued" : status.ToWebhookValue();

    /// <summary>The status a <c>Status</c> filter names; null when it names none.</summary>
    public static CallStatus? ParseStatus(string text) => text switch
    {
        "queued" => CallStatus.Queued,
        "initiated" => CallStatus.Initiated,
        "ringing" => CallStatus.Ringing,
        "in-progress" => CallStatus.InProgress,
        "completed" => CallStatus.Completed,
        "busy" => CallStatus.Busy,
        "failed" => CallStatus.Failed,
        "no-answer" => CallStatus.NoAnswer,
        "canceled" => CallStatus.Canceled,
        _ => null,
    };
}
