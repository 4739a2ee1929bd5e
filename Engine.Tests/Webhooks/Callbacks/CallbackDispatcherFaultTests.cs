using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Tests.Webhooks.Callbacks;

/// <summary>Issue 11: the callback queue's loops survive a store that throws anything, at start and while delivering.</summary>
[TestFixture]
public sealed class CallbackDispatcherFaultTests
{
    private const string CallA = "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    [Test]
    [CancelAfter(10_000)]
    public async Task StartAsync_StoreCannotLoad_StartsAndDelivers(CancellationToken cancellationToken)
    {
        var sender = new RecordingSender();
        await using var dispatcher = Create(new FaultyStore { FailLoad = true }, sender);

        await dispatcher.StartAsync(cancellationToken);
        dispatcher.Enqueue(CallA, Request("/one")).Should().BeTrue();
        await dispatcher.WhenIdleAsync(cancellationToken);

        sender.Sent.Should().Equal("/one");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Deliver_StoreRemoveThrowsUnexpected_LaterCallbacksOfTheCallStillDelivered(CancellationToken cancellationToken)
    {
        var sender = new RecordingSender();
        await using var dispatcher = Create(new FaultyStore { FailRemove = true }, sender);
        await dispatcher.StartAsync(cancellationToken);

        dispatcher.Enqueue(CallA, Request("/one"));
        dispatcher.Enqueue(CallA, Request("/two"));
        dispatcher.Enqueue(CallA, Request("/three"));
        await dispatcher.WhenIdleAsync(cancellationToken);

        sender.Sent.Should().Equal("/one", "/two", "/three");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Persist_StoreAddThrowsUnexpected_CallbacksStillDelivered(CancellationToken cancellationToken)
    {
        var sender = new RecordingSender();
        await using var dispatcher = Create(new FaultyStore { FailAdd = true }, sender);
        await dispatcher.StartAsync(cancellationToken);

        dispatcher.Enqueue(CallA, Request("/one"));
        dispatcher.Enqueue(CallA, Request("/two"));
        dispatcher.Enqueue(CallA, Request("/three"));
        await dispatcher.WhenIdleAsync(cancellationToken);

        sender.Sent.Should().Equal("/one", "/two", "/three");
    }

    private static CallbackDispatcher Create(ICallbackStore store, ICallbackSender sender) =>
        new(store, sender, TimeProvider.System, Options.Create(new WebhookOptions()), NullLogger<CallbackDispatcher>.Instance);

    private static WebhookRequest Request(string path) =>
        new(new Uri("http://127.0.0.1:9" + path), WebhookMethod.Post, [new("CallSid", CallA)], null);

    private sealed class RecordingSender : ICallbackSender
    {
        private readonly ConcurrentQueue<string> _sent = new();

        public IReadOnlyList<string> Sent => [.. _sent];

        public Task<CallbackResult> SendAsync(WebhookRequest request, CancellationToken cancellationToken)
        {
            _sent.Enqueue(request.Url.AbsolutePath);
            return Task.FromResult(new CallbackResult { StatusCode = 200 });
        }
    }

    // Throws what no store failure handler expected (not SQLite, not IO): a bug or an unknown provider.
    private sealed class FaultyStore : ICallbackStore
    {
        private long _ids;

        public bool FailLoad { get; init; }

        public bool FailAdd { get; init; }

        public bool FailRemove { get; init; }

        public Task AddAsync(IReadOnlyList<PendingCallback> callbacks, CancellationToken cancellationToken)
        {
            foreach (var callback in callbacks)
            {
                callback.Id = Interlocked.Increment(ref _ids);
            }

            return FailAdd ? throw new NotSupportedException("add") : Task.CompletedTask;
        }

        public Task RemoveAsync(long id, CancellationToken cancellationToken) =>
            FailRemove ? throw new NotSupportedException("remove") : Task.CompletedTask;

        public Task RecordAttemptsAsync(long id, int attempts, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<PendingCallback>> LoadAsync(int limit, CancellationToken cancellationToken) =>
            FailLoad ? throw new InvalidOperationException("load") : Task.FromResult<IReadOnlyList<PendingCallback>>([]);

        public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult(0L);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
