using System.Diagnostics;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Webhooks.Callbacks;

/// <summary>
/// Sends callbacks through the <see cref="WebhookHttpClientNames.Callback"/> client. The response body
/// is not read: callbacks only need the status (as Twilio, which ignores what a status callback returns).
/// </summary>
internal sealed partial class CallbackSender(
    IHttpClientFactory clients,
    IOptions<WebhookOptions> options,
    ILogger<CallbackSender> logger,
    IEnumerable<IWebhookObserver> observers) : ICallbackSender
{
    private readonly WebhookOptions _options = options.Value;
    private readonly IWebhookObserver[] _observers = [.. observers];

    // Created with the sender (so before the dispatcher that uses it): the container then disposes the
    // resilience pipelines after the dispatcher, never under a delivery in flight.
    private readonly HttpClient _client = clients.CreateClient(WebhookHttpClientNames.Callback);

    /// <inheritdoc />
    public async Task<CallbackResult> SendAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var result = await SendOnceAsync(request, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        WebhookMetrics.Record("callback", result.StatusCode, result.Error is not null, result.Attempts, elapsed);
        foreach (var observer in _observers)
        {
            observer.CallbackSent(request, result, elapsed);
        }

        return result;
    }

    private async Task<CallbackResult> SendOnceAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        using var message = WebhookRequestMessages.TryCreate(request, _options.UserAgent, out var invalid);
        if (message is null)
        {
            return Report(request, new CallbackResult { Error = invalid, Transient = false, Attempts = 0 });
        }

        var attempts = AttemptCounter.Attach(message);
        try
        {
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return Report(request, new CallbackResult { StatusCode = status, Attempts = attempts.Value });
            }

            var error = status is >= 300 and < 400
                ? new WebhookError(WebhookErrorCode.HttpTooManyRedirects, $"redirect from {request.Url.Authority} not followed (more than {_options.MaxRedirects}, or a POST sent to another host)")
                : new WebhookError(WebhookErrorCode.HttpRetrievalFailure, $"HTTP {status} from {request.Url.Authority}");
            var transient = CallbackPipeline.IsTransient(response.StatusCode);
            return Report(request, new CallbackResult { StatusCode = status, Error = error, Transient = transient, Attempts = attempts.Value });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BrokenCircuitException)
        {
            var error = new WebhookError(WebhookErrorCode.HttpConnectionFailure, $"circuit open for {request.Url.Authority} after repeated failures");
            return Report(request, new CallbackResult { Error = error, Transient = true, CircuitOpen = true, Attempts = attempts.Value - 1 });
        }
        catch (TimeoutRejectedException)
        {
            var error = HttpFailures.Timeout(request.Url, _options.Callbacks.AttemptTimeout);
            return Report(request, new CallbackResult { Error = error, Transient = true, Attempts = attempts.Value });
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException or AuthenticationException)
        {
            var error = HttpFailures.Classify(exception, request.Url);
            return Report(request, new CallbackResult { Error = error, Transient = true, Attempts = attempts.Value });
        }
    }

    private CallbackResult Report(WebhookRequest request, CallbackResult result)
    {
        if (result.Error is { } error)
        {
            LogCallbackFailed(SafeUrl.Of(request.Url), (int)error.Code, error.Message, result.Attempts, result.Transient);
        }
        else if (logger.IsEnabled(LogLevel.Debug))
        {
            var url = SafeUrl.Of(request.Url);
            LogCallbackDelivered(url, result.StatusCode ?? 0, result.Attempts);
        }

        return result;
    }
}
