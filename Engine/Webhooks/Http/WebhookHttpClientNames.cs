namespace RcmlEngine.Webhooks.Http;

/// <summary>The named HttpClients of the Webhooks layer; each has its own resilience pipeline per host.</summary>
internal static class WebhookHttpClientNames
{
    /// <summary>RCML document fetches: retried only when nothing was received.</summary>
    public const string Document = "RcmlEngine.Webhooks.Document";

    /// <summary>Callbacks: retried with backoff and jitter, behind a per-host circuit breaker.</summary>
    public const string Callback = "RcmlEngine.Webhooks.Callback";
}
