namespace RcmlEngine.Sip.UserAgent;

/// <summary>Why a call ended.</summary>
internal enum SipCallEndReason
{
    /// <summary>We sent BYE (or CANCEL before answer).</summary>
    LocalHangUp,

    /// <summary>The peer sent BYE.</summary>
    RemoteHangUp,

    /// <summary>The caller cancelled before answer.</summary>
    Cancelled,

    /// <summary>A final non-2xx answer (we rejected, or the callee did).</summary>
    Rejected,

    /// <summary>We answered but the ACK never came (RFC 3261 13.3.1.4).</summary>
    AckTimeout,

    /// <summary>No response, or a transport failure.</summary>
    Failed,
}
