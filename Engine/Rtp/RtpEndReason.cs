namespace RcmlEngine.Rtp;

/// <summary>Why an RTP session stopped.</summary>
internal enum RtpEndReason
{
    /// <summary>The owner stopped it (the call ended normally).</summary>
    Stopped,

    /// <summary>No RTP arrived for the inactivity timeout while media was expected.</summary>
    InactivityTimeout,

    /// <summary>The sockets failed in a way receiving cannot recover from.</summary>
    TransportError,
}
