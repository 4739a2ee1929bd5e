namespace RcmlEngine.Calls;

/// <summary>What ended a call; with whether it was answered, it decides the final <see cref="CallStatus"/>.</summary>
internal enum CallEndReason
{
    /// <summary>The far end hung up (SIP BYE, or CANCEL before the answer).</summary>
    CallerHungUp,

    /// <summary>The engine hung up: <c>&lt;Hangup&gt;</c>, the end of the document, an error, a limit.</summary>
    EngineHungUp,

    /// <summary>
    /// Busy before the answer: <c>&lt;Reject reason="busy"&gt;</c> (SIP 486), or an outbound leg's callee
    /// answered busy (486, 600).
    /// </summary>
    RejectedBusy,

    /// <summary>
    /// Declined before the answer: <c>&lt;Reject&gt;</c> (SIP 603), or an outbound leg's callee did not
    /// answer (408, 480, 603, the ring timeout).
    /// </summary>
    Rejected,

    /// <summary>The signalling broke down (no ACK, transport error, an outbound leg's 4xx-6xx failure).</summary>
    Failed,

    /// <summary>The engine gave up on an outbound leg before it was answered (SIP CANCEL).</summary>
    Canceled,

    /// <summary>The media stopped (no RTP for the inactivity timeout, or the media sockets failed): the engine hung up.</summary>
    MediaLost,
}
