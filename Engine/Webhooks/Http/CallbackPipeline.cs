using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace RcmlEngine.Webhooks.Http;

/// <summary>
/// The resilience pipeline of callbacks (one per destination host, so a dead application only opens its
/// own breaker): retries with exponential backoff and jitter, around a circuit breaker, around an
/// attempt timeout. An open breaker is not retried: the callback queue waits and redelivers.
/// </summary>
internal static class CallbackPipeline
{
    /// <summary>Adds the strategies for <paramref name="options"/> to <paramref name="builder"/>; retries are logged to <paramref name="logger"/> (Debug).</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, CallbackDeliveryOptions options, ILogger logger)
    {
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) && args.Outcome.Exception is not BrokenCircuitException),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    ExponentialBackoff.Delay(args.AttemptNumber, options.RetryBaseDelay, options.RetryMaxDelay, Random.Shared)),
                OnRetry = args =>
                {
                    AttemptCounter.OnRetry(args.Context);
                    RetryLog.OnRetry(logger, "callback", args);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
        });

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout });
    }

    /// <summary>A failure worth trying again: no response, a timeout, 408, 429 or 5xx.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Exception: OperationCanceledException { InnerException: TimeoutException } } => true,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    /// <summary>408, 429 and 5xx (RFC 9110 15.5.9, RFC 6585 4, RFC 9110 15.6).</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
