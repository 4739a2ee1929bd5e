namespace RcmlEngine.Rtp.Dtmf;

/// <summary>How a digit reached the engine.</summary>
internal enum DtmfSource
{
    /// <summary>RFC 4733 telephone-event packets in the RTP stream.</summary>
    Rfc4733,

    /// <summary>A SIP INFO request with an <c>application/dtmf-relay</c> body.</summary>
    SipInfo,
}
