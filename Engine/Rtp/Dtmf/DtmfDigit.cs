namespace RcmlEngine.Rtp.Dtmf;

/// <summary>One key press of the caller, as it appears in a call's digit stream.</summary>
/// <param name="Digit">0-9, *, #, or A-D.</param>
/// <param name="Duration">How long the key was held, as the peer reported it.</param>
/// <param name="StartedAt">When the press began (arrival of its first packet or of the INFO request).</param>
/// <param name="Source">Whether it came as RFC 4733 events or SIP INFO.</param>
internal readonly record struct DtmfDigit(char Digit, TimeSpan Duration, DateTimeOffset StartedAt, DtmfSource Source);
