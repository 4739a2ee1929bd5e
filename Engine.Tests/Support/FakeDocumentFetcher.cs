using System.Collections.Concurrent;
using System.Text;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Fetching;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// An in-memory application for interpreter unit tests: documents by URL (query ignored), failures,
/// held fetches (released only by cancellation, to prove a hang-up stops a fetch). Records every request.
/// </summary>
internal sealed class FakeDocumentFetcher : IDocumentFetcher
{
    public static readonly Uri BaseUrl = new("http://app.test/");

    private readonly ConcurrentDictionary<string, Func<WebhookRequest, DocumentFetchResult>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<WebhookRequest> _requests = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new(StringComparer.Ordinal);

    public IReadOnlyList<WebhookRequest> Requests => [.. _requests];

    public static Uri Url(string path) => new(BaseUrl, path);

    public IReadOnlyList<WebhookRequest> RequestsTo(string path) =>
        [.. Requests.Where(r => r.Url.GetLeftPart(UriPartial.Path) == Url(path).GetLeftPart(UriPartial.Path))];

    public FakeDocumentFetcher Map(string path, string xml) =>
        Route(path, request => new DocumentFetchResult
        {
            RequestedUrl = request.Url,
            FinalUrl = request.Url,
            StatusCode = 200,
            ContentType = "text/xml",
            Body = Encoding.UTF8.GetBytes(xml),
        });

    public FakeDocumentFetcher Fail(string path, WebhookErrorCode code, int? statusCode = null, string body = "") =>
        Route(path, request => new DocumentFetchResult
        {
            RequestedUrl = request.Url,
            StatusCode = statusCode,
            Body = Encoding.UTF8.GetBytes(body),
            Error = new WebhookError(code, $"failed on purpose ({path})"),
        });

    /// <summary>Fetches of <paramref name="path"/> never answer; the returned task completes when one has started.</summary>
    public Task Hold(string path)
    {
        var started = _held.GetOrAdd(Url(path).AbsolutePath, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return started.Task;
    }

    public async Task<DocumentFetchResult> FetchAsync(WebhookRequest request, IReadOnlyCollection<string>? acceptedMediaTypes, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        if (_held.TryGetValue(request.Url.AbsolutePath, out var started))
        {
            started.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        return _routes.TryGetValue(request.Url.AbsolutePath, out var respond)
            ? respond(request)
            : new DocumentFetchResult
            {
                RequestedUrl = request.Url,
                StatusCode = 404,
                Error = new WebhookError(WebhookErrorCode.HttpRetrievalFailure, $"HTTP 404 from {request.Url.Authority}"),
            };
    }

    private FakeDocumentFetcher Route(string path, Func<WebhookRequest, DocumentFetchResult> respond)
    {
        _routes[Url(path).AbsolutePath] = respond;
        return this;
    }
}
