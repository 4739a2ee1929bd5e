namespace RcmlEngine.Media.Sessions;

/// <summary>Why a session's media ended.</summary>
internal enum MediaEndReason
{
    /// <summary>The session was stopped (the call ended).</summary>
    Stopped,

    /// <summary>No RTP arrived for the inactivity timeout while media was expected; the call should end.</summary>
    InactivityTimeout,

    /// <summary>The sockets failed; the call should end.</summary>
    TransportError,
}
