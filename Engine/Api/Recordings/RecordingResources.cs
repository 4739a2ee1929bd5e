using System.Globalization;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Api.Recordings;

/// <summary>Turns recording records into Twilio's recording JSON, and names the paths of recordings.</summary>
internal static class RecordingResources
{
    /// <summary>The path of the account's recordings list.</summary>
    public static string ListPath(string accountSid) => $"/2010-04-01/Accounts/{accountSid}/Recordings.json";

    /// <summary>The path of a call's recordings list.</summary>
    public static string CallListPath(string accountSid, string callSid) => $"/2010-04-01/Accounts/{accountSid}/Calls/{callSid}/Recordings.json";

    /// <summary>The path of a conference's recordings.</summary>
    public static string ConferenceListPath(string accountSid, string conferenceSid) => $"/2010-04-01/Accounts/{accountSid}/Conferences/{conferenceSid}/Recordings.json";

    /// <summary><paramref name="record"/> as Twilio shows a recording; <paramref name="baseUrl"/> is where the engine's HTTP server is reached.</summary>
    public static RecordingResource Of(RecordingRecord record, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(baseUrl);
        var path = $"/2010-04-01/Accounts/{record.AccountSid}/Recordings/{record.Sid}";
        return new RecordingResource
        {
            AccountSid = record.AccountSid,
            CallSid = record.CallSid,
            ConferenceSid = record.ConferenceSid,
            DateCreated = Rfc2822Timestamp.Format(record.DateCreated),
            DateUpdated = Rfc2822Timestamp.Format(record.DateUpdated),
            StartTime = Rfc2822Timestamp.Format(record.StartTime),
            Duration = record.Duration.ToString(CultureInfo.InvariantCulture),
            Sid = record.Sid,
            Status = record.Status,
            Channels = record.Channels,
            Source = record.Source,
            Uri = path + ".json",
            SubresourceUris = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["add_on_results"] = path + "/AddOnResults.json",
                ["transcriptions"] = path + "/Transcriptions.json",
            },
            MediaUrl = new Uri(baseUrl, path.TrimStart('/')).AbsoluteUri,
        };
    }
}
