using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Tests.Support;
using RcmlEngine.Webhooks;

namespace RcmlEngine.Tests.Webhooks.Callbacks;

[TestFixture]
public sealed partial class CallbackDispatcherTests
{
    private const string CallA = "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string CallB = "CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static readonly string[] Progress = ["initiated", "ringing", "in-progress", "completed"];

    [Test]
    [CancelAfter(15_000)]
    public async Task EnqueueStatus_SlowReceiverFailingTwice_DeliversInOrderWithSequence0To3(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.Fail("/status", times: 2).Delay("/status", TimeSpan.FromMilliseconds(50)).RequireSignature("tok");
        var gate = app.Hold("/status");
        await using var services = await WebhookServices.StartAsync(cancellationToken: ct);

        services.Dispatcher.EnqueueStatus(CallA, Status(app, CallA, Progress[0])).Should().BeTrue();
        await app.WaitForRequestAsync("/status", ct);
        // The receiver holds the first callback: enqueueing the rest must not wait for it.
        foreach (var status in Progress.Skip(1))
        {
            services.Dispatcher.EnqueueStatus(CallA, Status(app, CallA, status)).Should().BeTrue();
        }

        gate.Release();
        var hits = await app.WaitForRequestsAsync("/status", 6, ct);
        await services.Dispatcher.WhenIdleAsync(ct);

        hits.Take(2).Select(h => h["SequenceNumber"]).Should().Equal("0", "0");
        var delivered = hits.Skip(2).ToList();
        delivered.Select(h => h["SequenceNumber"]).Should().Equal("0", "1", "2", "3");
        delivered.Select(h => h["CallStatus"]).Should().Equal(Progress);
        delivered.Should().OnlyContain(h => h["CallbackSource"] == "call-progress-events" && h["CallSid"] == CallA);
        delivered.Should().OnlyContain(h => Rfc2822().IsMatch(h["Timestamp"]!));
        delivered.Should().OnlyContain(h => h.HasValidSignature("tok"));
        app.RequestsTo("/status").Should().HaveCount(6);
    }

    [Test]
    [CancelAfter(15_000)]
    public async Task EnqueueStatus_OneCallsReceiverHeld_OtherCallStillDelivered(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        var slow = app.Hold("/a");
        app.Map("/b", TestResponse.Status(204));
        await using var services = await WebhookServices.StartAsync(cancellationToken: ct);

        services.Dispatcher.EnqueueStatus(CallA, Status(app, CallA, "ringing", "/a"));
        await app.WaitForRequestAsync("/a", ct);
        services.Dispatcher.EnqueueStatus(CallB, Status(app, CallB, "ringing", "/b"));
        var b = await app.WaitForRequestAsync("/b", ct);
        slow.Release();
        await services.Dispatcher.WhenIdleAsync(ct);

        b["CallSid"].Should().Be(CallB);
        b["SequenceNumber"].Should().Be("0");
    }

    [Test]
    [CancelAfter(15_000)]
    public async Task EnqueueStatus_FakeClock_TimestampIsRfc2822InUtc(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.Map("/status", TestResponse.Status(200));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 19, 3, 0, TimeSpan.FromHours(1)));
        await using var services = await WebhookServices.StartAsync(time: clock, cancellationToken: ct);

        services.Dispatcher.EnqueueStatus(CallA, Status(app, CallA, "initiated"));
        var hit = await app.WaitForRequestAsync("/status", ct);

        hit["Timestamp"].Should().Be("Mon, 23 Nov 2026 18:03:00 +0000");
    }

    [Test]
    [CancelAfter(15_000)]
    public async Task EnqueueStatus_TwoTargetsOfOneCall_CountSeparatelyAndPlainCallbacksHaveNoSequence(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.Map("/one", TestResponse.Status(200)).Map("/two", TestResponse.Status(200)).Map("/recording", TestResponse.Status(200));
        await using var services = await WebhookServices.StartAsync(cancellationToken: ct);

        services.Dispatcher.EnqueueStatus(CallA, Status(app, CallA, "initiated", "/one"));
        services.Dispatcher.EnqueueStatus(CallA, Status(app, CallA, "initiated", "/two"));
        services.Dispatcher.Enqueue(CallA, Status(app, CallA, "completed", "/recording"));
        services.Dispatcher.EnqueueStatus(CallA, Status(app, CallA, "completed", "/two"));
        await app.WaitForRequestsAsync("/two", 2, ct);
        await services.Dispatcher.WhenIdleAsync(ct);

        app.RequestsTo("/one").Single()["SequenceNumber"].Should().Be("0");
        app.RequestsTo("/two").Select(r => r["SequenceNumber"]).Should().Equal("0", "1");
        var plain = app.RequestsTo("/recording").Single();
        plain["SequenceNumber"].Should().BeNull();
        plain["CallbackSource"].Should().BeNull();
        app.Requests.Select(r => r.Path).Should().Equal("/one", "/two", "/recording", "/two");
    }

    [Test]
    [CancelAfter(15_000)]
    public async Task Enqueue_PastMaxPending_IsDroppedAtOnce(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        var gate = app.Hold("/status");
        await using var services = await WebhookServices.StartAsync(configure: o => o.Queue.MaxPending = 2, cancellationToken: ct);

        var accepted = Progress.Select(s => services.Dispatcher.EnqueueStatus(CallA, Status(app, CallA, s))).ToList();
        gate.Release();
        await services.Dispatcher.WhenIdleAsync(ct);

        accepted.Should().Equal(true, true, false, false);
        app.RequestsTo("/status").Select(r => r["SequenceNumber"]).Should().Equal("0", "1");
    }

    [Test]
    [CancelAfter(15_000)]
    public async Task Delivery_PermanentFailure_IsGivenUpAndForgotten(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        await using var services = await WebhookServices.StartAsync(cancellationToken: ct);

        services.Dispatcher.EnqueueStatus(CallA, Status(app, CallA, "initiated", "/gone"));
        services.Dispatcher.EnqueueStatus(CallA, Status(app, CallA, "ringing", "/gone"));
        await services.Dispatcher.WhenIdleAsync(ct);

        app.RequestsTo("/gone").Should().HaveCount(2, "a 404 is an answer: not retried, and the next callback goes on");
        (await services.Store.CountAsync(ct)).Should().Be(0);
    }

    [Test]
    [CancelAfter(15_000)]
    public async Task Delivery_TransientFailures_GivenUpAfterMaxAttempts(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.Map("/status", TestResponse.Status(503, "down"));
        await using var services = await WebhookServices.StartAsync(configure: o =>
        {
            o.Callbacks.MaxRetries = 1;
            o.Queue.MaxAttempts = 3;
        }, cancellationToken: ct);

        services.Dispatcher.EnqueueStatus(CallA, Status(app, CallA, "initiated"));
        await services.Dispatcher.WhenIdleAsync(ct);

        app.RequestsTo("/status").Should().HaveCount(6, "3 deliveries of 2 HTTP attempts each");
        (await services.Store.CountAsync(ct)).Should().Be(0);
    }

    internal static WebhookRequest Status(TestWebApp app, string callSid, string status, string path = "/status") =>
        new(app.Url(path), WebhookMethod.Post, [new("CallSid", callSid), new("CallStatus", status)], "tok");

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0000$")]
    private static partial Regex Rfc2822();
}
