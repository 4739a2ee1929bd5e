using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RcmlEngine.Notifications;
using RcmlEngine.Notifications.Redis;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Notifications;

[TestFixture]
public sealed class RedisNotificationSinkTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Write_RedisUp_PushedInTheOrderWritten(CancellationToken ct)
    {
        using var folder = new TempDirectory();
        var writer = new FakeRedisListWriter();
        await using var sink = await StartedSinkAsync(folder, writer, ct);

        var messages = Messages("CA1", "CA2", "CA3", "CA4");
        messages.ForEach(sink.Write);
        await sink.WhenIdleAsync(ct);

        writer.Messages.Should().Equal(messages.Select(m => m.Json));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Write_RedisDownThenBack_RetriedAndAllPushedInOrder(CancellationToken ct)
    {
        using var folder = new TempDirectory();
        var writer = new FakeRedisListWriter { Down = true };
        await using var sink = await StartedSinkAsync(folder, writer, ct);

        var messages = Messages("CA1", "CA2", "CA3", "CA4", "CA5");
        messages.Take(2).ToList().ForEach(sink.Write);
        await writer.WaitForFailuresAsync(3, ct);
        messages.Skip(2).ToList().ForEach(sink.Write);
        await writer.WaitForFailuresAsync(4, ct);
        sink.PendingCount.Should().Be(5);
        writer.Down = false;
        await sink.WhenIdleAsync(ct);

        writer.Messages.Should().Equal(messages.Select(m => m.Json));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Restart_RedisWasDown_TheNextRunPushesWhatWasLeftInOrder(CancellationToken ct)
    {
        using var folder = new TempDirectory();
        var messages = Messages("CA1", "CA2", "CA3");
        var down = new FakeRedisListWriter { Down = true };
        await using (var first = await StartedSinkAsync(folder, down, ct))
        {
            messages.Take(2).ToList().ForEach(first.Write);
            await down.WaitForFailuresAsync(1, ct);
            // Written while Redis is down, just before the stop: stored all the same.
            first.Write(messages[2]);
        }

        var up = new FakeRedisListWriter();
        await using var second = await StartedSinkAsync(folder, up, ct);
        await second.WhenIdleAsync(ct);

        up.Messages.Should().Equal(messages.Select(m => m.Json));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Write_TypeNotInEvents_NothingPushed(CancellationToken ct)
    {
        using var folder = new TempDirectory();
        var writer = new FakeRedisListWriter();
        await using var sink = await StartedSinkAsync(folder, writer, ct, options => options.Redis.Events.Add("hangup"));

        sink.Write(Messages("CA1")[0]);
        await sink.WhenIdleAsync(ct);

        sink.PendingCount.Should().Be(0);
        writer.Messages.Should().BeEmpty();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task PushFails_WithThePasswordInTheError_LogsItMasked(CancellationToken ct)
    {
        using var folder = new TempDirectory();
        using var logs = new CollectingLoggerProvider();
        var writer = new FakeRedisListWriter { Down = true, FailureText = "AUTH failed for password=s3cret" };
        await using var sink = await StartedSinkAsync(folder, writer, ct, logger: logs.CreateLogger<RedisNotificationSink>());

        sink.Write(Messages("CA1")[0]);
        await writer.WaitForFailuresAsync(2, ct);

        logs.Messages.Should().Contain(m => m.Contains("password=***", StringComparison.Ordinal));
        logs.Messages.Should().NotContain(m => m.Contains("s3cret", StringComparison.Ordinal));
    }

    [Test]
    public void Writes_EventsSetting_DefaultCallAndCommaSeparatedLists()
    {
        new RedisNotificationOptions().Writes("call").Should().BeTrue();
        new RedisNotificationOptions { Events = ["hangup, call"] }.Writes("call").Should().BeTrue();
        new RedisNotificationOptions { Events = ["hangup"] }.Writes("call").Should().BeFalse();
    }

    private static List<NotificationMessage> Messages(params string[] sids) =>
        [.. sids.Select(sid => NotificationFormat.Of(new InboundCallNotification { Number = "+1555000", DialNumber = "+1555999", CallRef = sid, Ref = "alice" }))];

    internal static async Task<SinkRun> StartedSinkAsync(TempDirectory folder, IRedisListWriter writer, CancellationToken ct,
        Action<NotificationOptions>? configure = null, ILogger<RedisNotificationSink>? logger = null)
    {
        var options = new NotificationOptions { Redis = { ConnectionString = "127.0.0.1:1", RetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromMilliseconds(100) } };
        options.Redis.StorePath = folder.File("notifications.db");
        configure?.Invoke(options);
        var store = new SqliteNotificationStore(options.Redis.StorePath, NullLogger<SqliteNotificationStore>.Instance);
        var sink = new RedisNotificationSink(store, writer, TimeProvider.System, Options.Create(options), logger ?? NullLogger<RedisNotificationSink>.Instance);
        await sink.StartAsync(ct);
        return new SinkRun(sink, store, writer);
    }

    /// <summary>A started sink; disposing stops it as the host would and closes its store and writer.</summary>
    internal sealed class SinkRun(RedisNotificationSink sink, INotificationStore store, IRedisListWriter writer) : IAsyncDisposable
    {
        public int PendingCount => sink.PendingCount;

        public void Write(NotificationMessage message) => sink.Write(message);

        public Task WhenIdleAsync(CancellationToken ct) => sink.WhenIdleAsync(ct);

        public async ValueTask DisposeAsync()
        {
            await sink.StopAsync(CancellationToken.None);
            sink.Dispose();
            await store.DisposeAsync();
            await writer.DisposeAsync();
        }
    }
}
