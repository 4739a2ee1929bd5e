namespace RcmlEngine.Sip.Transport;

/// <summary>Where transports deliver the bytes of each complete message they receive.</summary>
internal interface ISipReceiveSink
{
    /// <summary>
    /// Called on the receive loop; must not block. <paramref name="data"/> is only valid during the call.
    /// True when the bytes were a SIP message (parsed), false when they were rejected.
    /// </summary>
    bool OnReceived(ReadOnlySpan<byte> data, SipRemote source, ISipTransport transport);

    /// <summary>A transport-level fault worth one log line (TCP peer cut off, oversized datagram).</summary>
    void OnRejected(SipRemote source, string reason);
}
