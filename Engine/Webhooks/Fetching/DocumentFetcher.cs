using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Webhooks.Fetching;

/// <summary>
/// Fetches documents through the <see cref="WebhookHttpClientNames.Document"/> client (its per-host
/// pipeline retries only when nothing was received), within <see cref="DocumentFetchOptions.Timeout"/>
/// for the whole exchange, body included, reading at most <see cref="DocumentFetchOptions.MaxBodyBytes"/>.
/// The content-type check (12300) is done here when the caller names the types it accepts, so a wrong
/// type fails before its body is read; which types are right is the caller's knowledge.
/// </summary>
internal sealed partial class DocumentFetcher(
    IHttpClientFactory clients,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<DocumentFetcher> logger,
    IEnumerable<IWebhookObserver> observers) : IDocumentFetcher
{
    // Enough of an error page to show in the debugger, not a whole HTML dump.
    private const int ErrorBodyBytes = 4 * 1024;

    private readonly WebhookOptions _options = options.Value;
    private readonly IWebhookObserver[] _observers = [.. observers];

    /// <inheritdoc />
    public async Task<DocumentFetchResult> FetchAsync(
        WebhookRequest request,
        IReadOnlyCollection<string>? acceptedMediaTypes,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var message = WebhookRequestMessages.TryCreate(request, _options.UserAgent, out var invalid);
        if (message is null)
        {
            return Finish(request, new DocumentFetchResult { RequestedUrl = request.Url, Error = invalid, Attempts = 0 }, started);
        }

        var attempts = AttemptCounter.Attach(message);
        using var timeout = new CancellationTokenSource(_options.Fetch.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var client = clients.CreateClient(WebhookHttpClientNames.Document);
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var result = await ReadAsync(request.Url, response, acceptedMediaTypes, linked.Token);
            return Finish(request, result with { Attempts = attempts.Value }, started);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var error = HttpFailures.Timeout(request.Url, _options.Fetch.Timeout);
            return Finish(request, new DocumentFetchResult { RequestedUrl = request.Url, Error = error, Attempts = attempts.Value }, started);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException or AuthenticationException)
        {
            var error = HttpFailures.Classify(exception, request.Url);
            return Finish(request, new DocumentFetchResult { RequestedUrl = request.Url, Error = error, Attempts = attempts.Value }, started);
        }
    }

    private async Task<DocumentFetchResult> ReadAsync(
        Uri requested,
        HttpResponseMessage response,
        IReadOnlyCollection<string>? acceptedMediaTypes,
        CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var contentType = response.Content.Headers.ContentType;
        var result = new DocumentFetchResult
        {
            RequestedUrl = requested,
            FinalUrl = response.RequestMessage?.RequestUri ?? requested,
            StatusCode = status,
            ContentType = contentType?.MediaType,
            Charset = contentType?.CharSet,
        };
        var host = result.FinalUrl.Authority;

        if (status is >= 300 and < 400 && response.Headers.Location is not null)
        {
            return result with { Error = new(WebhookErrorCode.HttpTooManyRedirects, $"redirect from {requested.Authority} not followed (more than {_options.MaxRedirects}, or a POST sent to another host)") };
        }

        if (!response.IsSuccessStatusCode)
        {
            var prefix = await CappedBody.ReadPrefixAsync(response.Content, Math.Min(ErrorBodyBytes, _options.Fetch.MaxBodyBytes), cancellationToken);
            var reason = $"HTTP {status} from {host}";
            return result with { Body = prefix, Error = new(WebhookErrorCode.HttpRetrievalFailure, reason) };
        }

        if (acceptedMediaTypes is not null &&
            (result.ContentType is null || !acceptedMediaTypes.Contains(result.ContentType, StringComparer.OrdinalIgnoreCase)))
        {
            var reason = $"Content-Type '{result.ContentType ?? "(none)"}' from {host} is not one of: {string.Join(", ", acceptedMediaTypes)}";
            return result with { Error = new(WebhookErrorCode.InvalidContentType, reason) };
        }

        var (body, tooLarge) = await CappedBody.ReadAsync(response.Content, _options.Fetch.MaxBodyBytes, cancellationToken);
        return tooLarge
            ? result with { Error = new(WebhookErrorCode.ResponseBodyTooLarge, $"body from {host} is larger than {_options.Fetch.MaxBodyBytes} bytes") }
            : result with { Body = body };
    }

    private DocumentFetchResult Finish(WebhookRequest request, DocumentFetchResult result, long started)
    {
        result = result with { Elapsed = time.GetElapsedTime(started) };
        WebhookMetrics.Record("document", result.StatusCode, result.Error is not null, result.Attempts, result.Elapsed);
        foreach (var observer in _observers)
        {
            observer.DocumentFetched(request, result);
        }

        if (result.Error is { } error)
        {
            LogFetchFailed(SafeUrl.Of(result.RequestedUrl), (int)error.Code, error.Message, result.Attempts);
        }
        else if (logger.IsEnabled(LogLevel.Information))
        {
            // One line of the call's story (its CallSid scope); the URL without its query, which may carry numbers.
            var url = SafeUrl.Of(result.RequestedUrl);
            var method = request.Method == WebhookMethod.Get ? "GET" : "POST";
            LogFetched(method, url, result.StatusCode ?? 0, result.Body.Length, result.Elapsed.TotalMilliseconds);
        }

        return result;
    }
}
