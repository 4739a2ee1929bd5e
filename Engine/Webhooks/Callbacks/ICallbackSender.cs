namespace RcmlEngine.Webhooks.Callbacks;

/// <summary>Delivers one callback now, through the per-host retry and circuit-breaker pipeline.</summary>
internal interface ICallbackSender
{
    /// <summary>
    /// Sends <paramref name="request"/> and waits for the outcome. Never throws for network or HTTP
    /// trouble; throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// Calls should not await this: they enqueue on <see cref="ICallbackDispatcher"/>, which never blocks.
    /// </summary>
    Task<CallbackResult> SendAsync(WebhookRequest request, CancellationToken cancellationToken);
}
