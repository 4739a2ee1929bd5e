using RcmlEngine.Webhooks.Callbacks;
using RcmlEngine.Webhooks.Fetching;

namespace RcmlEngine.Webhooks;

/// <summary>
/// Told of every document fetch and callback delivery once it is over (all its attempts), for the call
/// inspector. Called on the requesting thread: implementations are quick and never throw.
/// </summary>
internal interface IWebhookObserver
{
    /// <summary>A document fetch ended (fetched or failed).</summary>
    void DocumentFetched(WebhookRequest request, DocumentFetchResult result);

    /// <summary>A callback delivery ended (delivered or failed) after <paramref name="elapsed"/>.</summary>
    void CallbackSent(WebhookRequest request, CallbackResult result, TimeSpan elapsed);
}
