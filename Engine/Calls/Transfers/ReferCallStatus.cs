namespace RcmlEngine.Calls.Transfers;

/// <summary>How a transfer went, as Twilio's <c>ReferCallStatus</c> says it.</summary>
internal enum ReferCallStatus
{
    /// <summary><c>in-progress</c>: the transfer target answered (a 2xx sipfrag), or the REFER was accepted without a subscription (RFC 4488).</summary>
    InProgress,

    /// <summary><c>busy</c>: the target answered 486 or 600.</summary>
    Busy,

    /// <summary><c>no-answer</c>: the target answered 408, 480 or 487, or no final NOTIFY came in time.</summary>
    NoAnswer,

    /// <summary><c>failed</c>: the REFER was refused, or the target answered another failure.</summary>
    Failed,

    /// <summary><c>canceled</c>: the call ended while the transfer was followed.</summary>
    Canceled,
}
