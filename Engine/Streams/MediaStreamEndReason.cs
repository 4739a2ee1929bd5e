namespace RcmlEngine.Streams;

/// <summary>Why a stream ended.</summary>
internal enum MediaStreamEndReason
{
    /// <summary>The engine stopped it (<c>&lt;Stop&gt;</c>, the call's end): a <c>stop</c> message was sent.</summary>
    Stopped,

    /// <summary>The server closed the WebSocket.</summary>
    ClosedByServer,

    /// <summary>The connection failed, or the server broke the protocol.</summary>
    Failed,
}
