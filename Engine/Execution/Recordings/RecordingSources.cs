namespace RcmlEngine.Execution.Recordings;

/// <summary>Twilio's <c>RecordingSource</c> words: what made a recording.</summary>
internal static class RecordingSources
{
    /// <summary>A <c>&lt;Record&gt;</c> verb.</summary>
    public const string RecordVerb = "RecordVerb";

    /// <summary>A <c>&lt;Dial record&gt;</c>.</summary>
    public const string DialVerb = "DialVerb";

    /// <summary>The REST API's <c>Record=true</c> on a call it starts.</summary>
    public const string OutboundApi = "OutboundAPI";

    /// <summary>A <c>&lt;Conference record="record-from-start"&gt;</c>: the room's mix.</summary>
    public const string Conference = "Conference";
}
