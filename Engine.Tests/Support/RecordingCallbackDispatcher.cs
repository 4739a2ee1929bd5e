using System.Collections.Concurrent;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Tests.Support;

/// <summary>Keeps the callbacks a call enqueues, in order, instead of delivering them.</summary>
internal sealed class RecordingCallbackDispatcher : ICallbackDispatcher
{
    private readonly ConcurrentQueue<(string CallSid, bool Status, WebhookRequest Request)> _callbacks = new();
    private readonly ConcurrentQueue<string> _completed = new();

    public IReadOnlyList<WebhookRequest> Status => [.. _callbacks.Where(c => c.Status).Select(c => c.Request)];

    public IReadOnlyList<WebhookRequest> Others => [.. _callbacks.Where(c => !c.Status).Select(c => c.Request)];

    public IReadOnlyList<string> Completed => [.. _completed];

    public bool EnqueueStatus(string callSid, WebhookRequest request)
    {
        _callbacks.Enqueue((callSid, true, request));
        return true;
    }

    public bool Enqueue(string callSid, WebhookRequest request)
    {
        _callbacks.Enqueue((callSid, false, request));
        return true;
    }

    public void Complete(string callSid) => _completed.Enqueue(callSid);
}
