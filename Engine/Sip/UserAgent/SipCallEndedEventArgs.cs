namespace RcmlEngine.Sip.UserAgent;

/// <summary>A call ended: why, and the status code involved (BYE/CANCEL: 200/487; rejected: the code).</summary>
internal sealed class SipCallEndedEventArgs(SipCallEndReason reason, int statusCode) : EventArgs
{
    public SipCallEndReason Reason { get; } = reason;

    public int StatusCode { get; } = statusCode;
}
