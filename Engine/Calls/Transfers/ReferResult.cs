namespace RcmlEngine.Calls.Transfers;

/// <summary>How a transfer ended.</summary>
/// <param name="Status">What it means for the call.</param>
/// <param name="ReferStatusCode">The final response to the REFER (202 accepted, 405, 603...); 0 when none came (the call ended first).</param>
/// <param name="NotifyStatusCode">The status code of the last sipfrag NOTIFY; null when no NOTIFY told one.</param>
internal sealed record ReferResult(ReferCallStatus Status, int ReferStatusCode, int? NotifyStatusCode)
{
    /// <summary>The status a final sipfrag code means (RFC 3515 2.4.5): 2xx in-progress, 486/600 busy, 408/480/487 no-answer, else failed.</summary>
    public static ReferCallStatus StatusOf(int finalCode) => finalCode switch
    {
        >= 200 and < 300 => ReferCallStatus.InProgress,
        486 or 600 => ReferCallStatus.Busy,
        408 or 480 or 487 => ReferCallStatus.NoAnswer,
        _ => ReferCallStatus.Failed,
    };

    /// <summary>The <c>ReferCallStatus</c> webhook value: <c>in-progress</c>, <c>busy</c>, <c>no-answer</c>, <c>failed</c>, <c>canceled</c>.</summary>
    public string StatusValue => Status switch
    {
        ReferCallStatus.InProgress => "in-progress",
        ReferCallStatus.Busy => "busy",
        ReferCallStatus.NoAnswer => "no-answer",
        ReferCallStatus.Failed => "failed",
        ReferCallStatus.Canceled => "canceled",
        _ => throw new InvalidOperationException($"unknown status {Status}"),
    };

    /// <summary>True when the call was handed over: the party left the engine.</summary>
    public bool Transferred => Status == ReferCallStatus.InProgress;
}
