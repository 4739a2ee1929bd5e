using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Webhooks.Callbacks;

[TestFixture]
public sealed class CallbackRestartTests
{
    private string _store = null!;
    private const string Call = "CAcccccccccccccccccccccccccccccccc";
    private static readonly string[] Progress = ["initiated", "ringing", "in-progress"];

    [SetUp]
    public void NewStore() => _store = WebhookServices.NewStorePath();

    [TearDown]
    public void DeleteStore() => WebhookServices.DeleteStore(_store);

    [Test]
    [CancelAfter(20_000)]
    public async Task Restart_UndeliveredCallbacks_AreDeliveredInOrderByTheNextDispatcher(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        var gate = app.Hold("/status");
        var store = _store;

        await using (var first = await WebhookServices.StartAsync(store, cancellationToken: ct))
        {
            foreach (var status in Progress)
            {
                first.Dispatcher.EnqueueStatus(Call, CallbackDispatcherTests.Status(app, Call, status));
            }

            await app.WaitForRequestAsync("/status", ct);
        }

        var beforeRestart = app.RequestsTo("/status").Count;
        gate.Release();
        await using var second = await WebhookServices.StartAsync(store, cancellationToken: ct);
        var hits = await app.WaitForRequestsAsync("/status", beforeRestart + 3, ct);
        await second.Dispatcher.WhenIdleAsync(ct);

        var redelivered = hits.Skip(beforeRestart).ToList();
        redelivered.Select(h => h["CallStatus"]).Should().Equal(Progress);
        redelivered.Select(h => h["SequenceNumber"]).Should().Equal("0", "1", "2");
        redelivered[0]["Timestamp"].Should().Be(hits[0]["Timestamp"], "the event keeps the time it happened");
        redelivered.Should().OnlyContain(h => h.HasValidSignature("tok"));
        (await second.Store.CountAsync(ct)).Should().Be(0);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Restart_CallbackOlderThanMaxAge_IsGivenUpWithoutSending(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        var gate = app.Hold("/status");
        var store = _store;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 18, 3, 0, TimeSpan.Zero));

        await using (var first = await WebhookServices.StartAsync(store, time: clock, cancellationToken: ct))
        {
            first.Dispatcher.EnqueueStatus(Call, CallbackDispatcherTests.Status(app, Call, "initiated"));
            await app.WaitForRequestAsync("/status", ct);
        }

        gate.Release();
        clock.Advance(TimeSpan.FromHours(25));
        await using var second = await WebhookServices.StartAsync(store, time: clock, cancellationToken: ct);
        await second.Dispatcher.WhenIdleAsync(ct);

        app.RequestsTo("/status").Should().HaveCount(1, "only the attempt before the restart");
        (await second.Store.CountAsync(ct)).Should().Be(0);
    }
}
