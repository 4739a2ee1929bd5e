namespace RcmlEngine.Calls;

/// <summary>What ended a call; with whether it was answered, it decides the final <see cref="CallStatus"/>.</summary>
internal enum CallEndReason
{
    /// <summary>The far end hung up (SIP BYE, or CANCEL before the answer).</summary>
    CallerHungUp,

    /// <summary>The engine hung up: <c>&lt;Hangup&gt;</c>, the end of the document, an error, a limit.</summary>
    EngineHungUp,

    /// <summary><c>&lt;Reject reason="busy"&gt;</c> before the answer (SIP 486).</summary>
    RejectedBusy,

    /// <summary><c>&lt;Reject&gt;</c> before the answer (SIP 603).</summary>
    Rejected,

    /// <summary>The signalling or media broke down (no ACK, transport error).</summary>
    Failed,
}
