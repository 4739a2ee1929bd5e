namespace RcmlEngine.Sip.UserAgent;

/// <summary>
/// A NOTIFY about a REFER we sent (RFC 3515 2.4.5): the status line of the sipfrag body (0 when the
/// NOTIFY had none), whether it is final (a final status, or the subscription ended), and whether the
/// subscription ended (<c>Subscription-State: terminated</c>).
/// </summary>
internal sealed class SipReferProgressEventArgs(int statusCode, string reasonPhrase, bool isFinal, bool subscriptionTerminated = false) : EventArgs
{
    public int StatusCode { get; } = statusCode;

    public string ReasonPhrase { get; } = reasonPhrase;

    public bool IsFinal { get; } = isFinal;

    public bool SubscriptionTerminated { get; } = subscriptionTerminated;
}
