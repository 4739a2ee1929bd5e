namespace RcmlEngine.Sip.UserAgent;

/// <summary>
/// A NOTIFY about a REFER we sent (RFC 3515 2.4.5): the status line of the sipfrag body, and whether
/// the subscription is over.
/// </summary>
internal sealed class SipReferProgressEventArgs(int statusCode, string reasonPhrase, bool isFinal) : EventArgs
{
    public int StatusCode { get; } = statusCode;

    public string ReasonPhrase { get; } = reasonPhrase;

    public bool IsFinal { get; } = isFinal;
}
