namespace RcmlEngine.Calls.Dialing;

/// <summary>How an outbound leg's attempt ended, as Twilio's <c>DialCallStatus</c> says it.</summary>
internal enum DialStatus
{
    /// <summary>The callee answered (<c>completed</c> once it ends).</summary>
    Answered,

    /// <summary><c>busy</c>: SIP 486 or 600.</summary>
    Busy,

    /// <summary><c>no-answer</c>: the ring timeout, or SIP 408, 480, 603.</summary>
    NoAnswer,

    /// <summary><c>failed</c>: any other final failure, an unusable target, or an answer whose SDP could not be agreed.</summary>
    Failed,

    /// <summary><c>canceled</c>: the engine hung the leg up before it was answered.</summary>
    Canceled,
}
