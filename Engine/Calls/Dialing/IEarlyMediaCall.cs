namespace RcmlEngine.Calls.Dialing;

/// <summary>
/// An unanswered inbound call whose audio can flow before the answer (SIP: 183 Session Progress with the
/// SDP answer): <c>&lt;Dial answerOnBridge&gt;</c> lets the caller hear ringback or the callee's early
/// media while the call stays unanswered. Once open, media operations work as on an answered call.
/// </summary>
internal interface IEarlyMediaCall : ICall
{
    /// <summary>
    /// Opens the early media (idempotent). False when it cannot be done (a late-offer INVITE: the offer
    /// would have to go in a reliable provisional response); the call then stays as it was.
    /// </summary>
    Task<bool> StartEarlyMediaAsync(CancellationToken cancellationToken);
}
