namespace RcmlEngine.Sip.UserAgent;

/// <summary>
/// Decides whether the engine takes one more call (overload control, RFC 3261 21.5.4). Asked by
/// <see cref="SipStack"/> for each new INVITE that passed the source checks and authentication, before
/// anything else is done for it: a refused INVITE is answered 503 with Retry-After at once.
/// </summary>
internal interface ISipCallGate
{
    /// <summary>
    /// The call's admission, disposed by the stack when the call ends; null when refused, with the
    /// reason phrase's detail and the seconds the caller should wait.
    /// </summary>
    IDisposable? TryEnter(out string reason, out int retryAfterSeconds);
}
