namespace RcmlEngine.Media.Sessions;

/// <summary>How a digit reached the engine.</summary>
internal enum DigitSource
{
    /// <summary>RFC 4733 telephone-events in the RTP stream.</summary>
    Rfc4733,

    /// <summary>A SIP INFO request (<c>application/dtmf-relay</c>), pushed by the call layer.</summary>
    SipInfo,
}
