namespace RcmlEngine.Webhooks.Callbacks;

/// <summary>The outcome of one delivery of a callback (its retries included).</summary>
internal sealed record CallbackResult
{
    /// <summary>The final HTTP status, or null when no response arrived.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Why the delivery failed; null when the application answered 2xx.</summary>
    public WebhookError? Error { get; init; }

    /// <summary>
    /// True when trying again later may succeed (no response, timeout, 408, 429, 5xx, open breaker);
    /// false for a definitive answer such as 404.
    /// </summary>
    public bool Transient { get; init; }

    /// <summary>True when the host's circuit breaker was open, so nothing was sent.</summary>
    public bool CircuitOpen { get; init; }

    /// <summary>HTTP attempts made in this delivery.</summary>
    public int Attempts { get; init; }

    /// <summary>True when the application answered 2xx.</summary>
    public bool Delivered => Error is null;
}
