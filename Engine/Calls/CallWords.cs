namespace RcmlEngine.Calls;

/// <summary>The words Twilio's webhooks use for call directions and statuses.</summary>
internal static class CallWords
{
    /// <summary><c>inbound</c>, <c>outbound-api</c>, <c>outbound-dial</c>.</summary>
    public static string ToWebhookValue(this CallDirection direction) => direction switch
    {
        CallDirection.Inbound => "inbound",
        CallDirection.OutboundApi => "outbound-api",
        CallDirection.OutboundDial => "outbound-dial",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    /// <summary><c>queued</c>, <c>ringing</c>, <c>in-progress</c>, <c>no-answer</c>...</summary>
    public static string ToWebhookValue(this CallStatus status) => status switch
    {
        CallStatus.Queued => "queued",
        CallStatus.Initiated => "initiated",
        CallStatus.Ringing => "ringing",
        CallStatus.InProgress => "in-progress",
        CallStatus.Completed => "completed",
        CallStatus.Busy => "busy",
        CallStatus.Failed => "failed",
        CallStatus.NoAnswer => "no-answer",
        CallStatus.Canceled => "canceled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>True for the statuses a call ends in.</summary>
    public static bool IsFinal(this CallStatus status) =>
        status is CallStatus.Completed or CallStatus.Busy or CallStatus.Failed or CallStatus.NoAnswer or CallStatus.Canceled;
}
