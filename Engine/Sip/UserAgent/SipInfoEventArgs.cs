namespace RcmlEngine.Sip.UserAgent;

/// <summary>
/// An INFO received in the call. For <c>application/dtmf-relay</c> (and <c>application/dtmf</c>) the
/// digit and duration are read out of the body.
/// </summary>
internal sealed class SipInfoEventArgs(SipBody body, char? digit, TimeSpan? duration) : EventArgs
{
    public SipBody Body { get; } = body;

    public char? Digit { get; } = digit;

    public TimeSpan? Duration { get; } = duration;
}
