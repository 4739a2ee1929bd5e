using RcmlEngine.Tests.Support;
using RcmlEngine.Webhooks;

namespace RcmlEngine.Tests.Webhooks.Callbacks;

[TestFixture]
public sealed class CallbackSenderTests
{
    private static readonly KeyValuePair<string, string>[] Status =
    [
        new("CallSid", "CA0123456789abcdef0123456789abcdef"),
        new("CallStatus", "completed"),
    ];

    [Test]
    [CancelAfter(10_000)]
    public async Task SendAsync_FailsTwice_RetriedWithGrowingBackoffThenDelivered(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.Fail("/status", times: 2, statusCode: 500).RequireSignature("tok");
        await using var services = WebhookServices.Create(configure: o => o.Callbacks.RetryBaseDelay = TimeSpan.FromMilliseconds(100));

        var result = await services.Sender.SendAsync(Callback(app.Url("/status")), ct);

        result.Delivered.Should().BeTrue();
        result.Attempts.Should().Be(3);
        var hits = app.RequestsTo("/status");
        hits.Should().HaveCount(3).And.OnlyContain(r => r.HasValidSignature("tok") && r["CallStatus"] == "completed");
        // Equal jitter: retry n waits at least half of base * 2^n.
        (hits[1].ReceivedAt - hits[0].ReceivedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(45));
        (hits[2].ReceivedAt - hits[1].ReceivedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(95));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task SendAsync_NotFound_IsNotRetriedAndNotTransient(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        await using var services = WebhookServices.Create();

        var result = await services.Sender.SendAsync(Callback(app.Url("/missing")), ct);

        result.Delivered.Should().BeFalse();
        result.StatusCode.Should().Be(404);
        result.Transient.Should().BeFalse();
        result.Error!.Code.Should().Be(WebhookErrorCode.HttpRetrievalFailure);
        app.RequestsTo("/missing").Should().HaveCount(1);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task SendAsync_DeadHostOpensItsBreaker_OtherHostStillDelivered(CancellationToken ct)
    {
        await using var live = await TestWebApp.StartAsync(ct);
        live.Map("/status", TestResponse.Status(204));
        var dead = TestWebApp.UnusedLoopbackUrl("/status");
        await using var services = WebhookServices.Create(configure: o =>
        {
            o.Callbacks.MaxRetries = 0;
            o.Callbacks.BreakerMinimumThroughput = 2;
            o.Callbacks.BreakerBreakDuration = TimeSpan.FromMinutes(1);
        });

        var first = await services.Sender.SendAsync(Callback(dead), ct);
        var second = await services.Sender.SendAsync(Callback(dead), ct);
        var third = await services.Sender.SendAsync(Callback(dead), ct);
        var other = await services.Sender.SendAsync(Callback(live.Url("/status")), ct);

        first.CircuitOpen.Should().BeFalse();
        first.Error!.Code.Should().Be(WebhookErrorCode.HttpConnectionFailure);
        second.CircuitOpen.Should().BeFalse();
        third.CircuitOpen.Should().BeTrue("two failures in a row open the dead host's breaker");
        third.Transient.Should().BeTrue();
        other.Delivered.Should().BeTrue("the live host has a breaker of its own");
        live.RequestsTo("/status").Should().HaveCount(1);
    }

    internal static WebhookRequest Callback(Uri url) => new(url, WebhookMethod.Post, Status, "tok");
}
