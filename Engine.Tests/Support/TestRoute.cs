using System.Collections.Concurrent;

namespace RcmlEngine.Tests.Support;

/// <summary>How <see cref="TestWebApp"/> answers one path: one-shot responses first, then the standing one.</summary>
internal sealed class TestRoute
{
    private readonly ConcurrentQueue<TestResponse> _next = new();

    /// <summary>The answer once the one-shot responses are used up.</summary>
    public Func<RecordedRequest, TestResponse> Respond { get; set; } = _ => TestResponse.Status(200);

    /// <summary>Added before every answer of this path.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, requests wait until it is released.</summary>
    public TestGate? Gate { get; set; }

    /// <summary>Queues <paramref name="response"/> for the next <paramref name="times"/> requests.</summary>
    public void Then(TestResponse response, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _next.Enqueue(response);
        }
    }

    /// <summary>The answer to <paramref name="request"/>.</summary>
    public TestResponse Next(RecordedRequest request) => _next.TryDequeue(out var once) ? once : Respond(request);
}
