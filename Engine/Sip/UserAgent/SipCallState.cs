namespace RcmlEngine.Sip.UserAgent;

/// <summary>Where a call is, from either side.</summary>
internal enum SipCallState
{
    /// <summary>INVITE sent or received, nothing more.</summary>
    Trying,

    /// <summary>A provisional response with a tag: an early dialog.</summary>
    Early,

    /// <summary>Answered (2xx); for an incoming call, ACK received.</summary>
    Confirmed,

    Ended,
}
