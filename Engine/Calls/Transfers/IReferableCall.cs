namespace RcmlEngine.Calls.Transfers;

/// <summary>A call that can be handed to another party by its own phone (SIP: REFER, a blind transfer).</summary>
internal interface IReferableCall : ICall
{
    /// <summary>
    /// Asks the far end to call <see cref="ReferRequest.Target"/> and follows how that call goes until it is
    /// answered or fails, the subscription ends, <see cref="ReferRequest.NotifyTimeout"/> passes, or this call
    /// ends (then <see cref="ReferCallStatus.Canceled"/>, also when <paramref name="cancellationToken"/> is the call's own). Does not hang up: the interpreter decides.
    /// Throws <see cref="ArgumentException"/> when the target cannot be referred to,
    /// <see cref="InvalidOperationException"/> before the call is answered, and
    /// <see cref="OperationCanceledException"/> when only <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<ReferResult> ReferAsync(ReferRequest request, CancellationToken cancellationToken);
}
