using Microsoft.Extensions.Logging;
using RcmlEngine.Tests.Support;
using RcmlEngine.Tests.Webhooks.Callbacks;

namespace RcmlEngine.Tests.Webhooks.Http;

/// <summary>Issue 19: a retried webhook attempt is one Debug line, not Polly's Warning with a stack trace.</summary>
[TestFixture]
public sealed class RetryLogTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task SendAsync_ConnectionDroppedThenDelivered_OneDebugLinePerRetryAndNoWarning(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.Drop("/status", times: 1).Map("/status", TestResponse.Status(204));
        using var logs = new CapturingLoggerProvider();
        await using var services = WebhookServices.Create(logs: logs);

        var result = await services.Sender.SendAsync(CallbackSenderTests.Callback(app.Url("/status")), ct);

        result.Delivered.Should().BeTrue();
        result.Attempts.Should().Be(2);
        var entries = logs.Entries;
        entries.Where(e => e.Level >= LogLevel.Warning).Should().BeEmpty("a retry that ends well is not a warning");
        entries.Should().NotContain(e => e.Exception != null || e.Message.Contains("   at ", StringComparison.Ordinal), "no stack trace");
        var retry = entries.Should().ContainSingle(e => e.Category == "RcmlEngine.Webhooks.Http.Retries").Subject;
        retry.Level.Should().Be(LogLevel.Debug);
        retry.Message.Should().Contain("callback to " + app.Url("/").Authority).And.Contain("attempt 1 failed").And.NotContain("\n");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task SendAsync_FailsEveryAttempt_OneWarningNamingUrlAndAttempts(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.Fail("/status", times: 10, statusCode: 503);
        using var logs = new CapturingLoggerProvider();
        await using var services = WebhookServices.Create(logs: logs, configure: o => o.Callbacks.MaxRetries = 2);

        var result = await services.Sender.SendAsync(CallbackSenderTests.Callback(app.Url("/status")), ct);

        result.Delivered.Should().BeFalse();
        var warning = logs.Entries.Should().ContainSingle(e => e.Level >= LogLevel.Warning).Subject;
        warning.Message.Should().Contain(app.Url("/status").Authority).And.Contain("attempts: 3");
        warning.Exception.Should().BeNull();
        logs.Entries.Count(e => e.Category == "RcmlEngine.Webhooks.Http.Retries").Should().Be(2);
    }
}
