using System.Text;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;
using RcmlEngine.Webhooks.Debugger;
using RcmlEngine.Webhooks.Fetching;

namespace RcmlEngine.Benchmarks.Execution;

/// <summary>An application answered from memory, and callback sinks that drop: the interpreter alone is measured.</summary>
internal sealed class InMemoryApplication : IDocumentFetcher, ICallbackDispatcher, IDebuggerNotifier
{
    private readonly Dictionary<string, byte[]> _documents = new(StringComparer.Ordinal);

    public InMemoryApplication Map(string path, string xml)
    {
        _documents[path] = Encoding.UTF8.GetBytes(xml);
        return this;
    }

    public Task<DocumentFetchResult> FetchAsync(WebhookRequest request, IReadOnlyCollection<string>? acceptedMediaTypes, CancellationToken cancellationToken) =>
        Task.FromResult(new DocumentFetchResult
        {
            RequestedUrl = request.Url,
            FinalUrl = request.Url,
            StatusCode = 200,
            ContentType = "text/xml",
            Body = _documents[request.Url.AbsolutePath],
        });

    public bool EnqueueStatus(string callSid, WebhookRequest request) => true;

    public bool Enqueue(string callSid, WebhookRequest request) => true;

    public void Complete(string callSid)
    {
    }

    public bool Notify(Uri webhookUrl, string? authToken, DebuggerNotification notification) => true;
}
