namespace RcmlEngine.Webhooks.Fetching;

/// <summary>Fetches documents (RCML) from applications, signed, within the fetch timeout.</summary>
internal interface IDocumentFetcher
{
    /// <summary>
    /// Fetches <paramref name="request"/>. Never throws for network or HTTP trouble: the result carries
    /// a Twilio-like error instead. Throws <see cref="OperationCanceledException"/> only when
    /// <paramref name="cancellationToken"/> (the call's) is cancelled.
    /// </summary>
    /// <param name="request">URL, method, parameters and AuthToken.</param>
    /// <param name="acceptedMediaTypes">
    /// Media types the caller can use (<c>text/xml</c>, <c>application/xml</c>...). A 2xx response of
    /// another type fails with 12300 before its body is read. Null accepts any type.
    /// </param>
    /// <param name="cancellationToken">Cancelled when the call ends.</param>
    Task<DocumentFetchResult> FetchAsync(
        WebhookRequest request,
        IReadOnlyCollection<string>? acceptedMediaTypes,
        CancellationToken cancellationToken);
}
