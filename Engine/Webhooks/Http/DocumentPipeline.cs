using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace RcmlEngine.Webhooks.Http;

/// <summary>
/// The resilience pipeline of document fetches (one per destination host): retry only when nothing was
/// received. A response with a body (even a 500) is final: the application saw the request, and the
/// caller goes to the fallback URL instead. The whole-fetch timeout is the fetcher's, since it also
/// covers reading the body.
/// </summary>
internal static class DocumentPipeline
{
    /// <summary>Adds the strategies for <paramref name="options"/> to <paramref name="builder"/>; retries are logged to <paramref name="logger"/> (Debug).</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, DocumentFetchOptions options, ILogger logger)
    {
        if (options.MaxRetries <= 0)
        {
            return;
        }

        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetries,
            Delay = options.RetryDelay,
            BackoffType = DelayBackoffType.Constant,
            UseJitter = false,
            ShouldHandle = args => ShouldRetryAsync(args.Outcome, options.MaxBodyBytes, args.Context.CancellationToken),
            OnRetry = args =>
            {
                AttemptCounter.OnRetry(args.Context);
                RetryLog.OnRetry(logger, "document", args);
                return ValueTask.CompletedTask;
            },
        });
    }

    private static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, int maxBodyBytes, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            return HttpFailures.NothingReceived(exception);
        }

        var response = outcome.Result;
        return response is not null && HttpFailures.IsGatewayStatus(response.StatusCode)
            && await HasEmptyBodyAsync(response.Content, maxBodyBytes, cancellationToken);
    }

    private static async ValueTask<bool> HasEmptyBodyAsync(HttpContent content, int maxBodyBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } length)
        {
            return length == 0;
        }

        // Unknown length (chunked): buffer it, bounded by the body cap; the fetcher reads the buffer later.
        try
        {
            await content.LoadIntoBufferAsync(maxBodyBytes, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return false;
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken);
        return stream.Length == 0;
    }
}
