namespace RcmlEngine.Calls;

/// <summary>Where a call is in its life, as Twilio's <c>CallStatus</c> parameter says it.</summary>
internal enum CallStatus
{
    /// <summary><c>queued</c>: created, not yet started (outbound calls).</summary>
    Queued,

    /// <summary><c>initiated</c>: the engine has the call and is starting to process it.</summary>
    Initiated,

    /// <summary><c>ringing</c>: the call rings (inbound: the engine has signalled ringing to the caller).</summary>
    Ringing,

    /// <summary><c>in-progress</c>: answered.</summary>
    InProgress,

    /// <summary><c>completed</c>: answered, then ended normally.</summary>
    Completed,

    /// <summary><c>busy</c>: ended unanswered with a busy signal (<c>&lt;Reject reason="busy"&gt;</c>).</summary>
    Busy,

    /// <summary><c>failed</c>: could not be set up or broke down before being answered.</summary>
    Failed,

    /// <summary><c>no-answer</c>: ended unanswered (<c>&lt;Reject&gt;</c> with the default reason).</summary>
    NoAnswer,

    /// <summary><c>canceled</c>: the caller gave up before the call was answered.</summary>
    Canceled,
}
