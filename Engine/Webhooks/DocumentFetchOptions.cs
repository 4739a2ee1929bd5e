namespace RcmlEngine.Webhooks;

/// <summary>How RCML documents are fetched (<c>Webhooks:Fetch</c>).</summary>
internal sealed class DocumentFetchOptions
{
    /// <summary>
    /// Whole fetch, retries and body included, as Twilio's 15 s HTTP timeout; then 11205 and the
    /// caller moves on to the fallback URL. Default 15 s.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Retries when nothing was received (connection failure, or 502/503/504 with an empty body).
    /// A response with a body is never retried: the application saw the request. Default 1.
    /// </summary>
    public int MaxRetries { get; set; } = 1;

    /// <summary>Pause before each retry. Default 250 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Largest body read; a larger one fails with 11750 (Twilio's limit is 64 kB). Default 65,536.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
