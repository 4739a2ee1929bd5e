using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RcmlEngine.Notifications;
using RcmlEngine.Notifications.Redis;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Notifications;

/// <summary>The Redis sink against a real redis-server, read back with BRPOP as the contact-centre integration does.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class RedisNotificationTests
{
    private const string Key = "rcml:notifications:inbound";

    [Test]
    [CancelAfter(30_000)]
    public async Task Notify_RealRedis_BrpopReadsEveryNotificationInOrder(CancellationToken ct)
    {
        await using var redis = await RedisServerRunner.StartAsync(ct);
        using var folder = new TempDirectory();
        await using var sink = await StartedSinkAsync(redis, folder, ct);

        var messages = Calls(1, 20);
        messages.ForEach(sink.Write);

        using var consumer = await RedisTestClient.ConnectAsync(redis.Port, ct);
        (await ReadAsync(consumer, messages.Count, ct)).Should().Equal(messages.Select(m => m.Json));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Notify_RedisStoppedAndRestartedOnTheSamePort_AllArriveInOrderNoneLost(CancellationToken ct)
    {
        await using var redis = await RedisServerRunner.StartAsync(ct);
        using var folder = new TempDirectory();
        await using var sink = await StartedSinkAsync(redis, folder, ct);
        var before = Calls(1, 3);
        var during = Calls(4, 10);

        before.ForEach(sink.Write);
        using (var consumer = await RedisTestClient.ConnectAsync(redis.Port, ct))
        {
            (await ReadAsync(consumer, before.Count, ct)).Should().Equal(before.Select(m => m.Json));
        }

        await sink.WhenIdleAsync(ct);

        await redis.StopAsync();
        during.ForEach(sink.Write);
        await sink.WaitUntilStoredAsync(during.Count, ct);
        await redis.StartAgainAsync(ct);

        using var after = await RedisTestClient.ConnectAsync(redis.Port, ct);
        (await ReadAsync(after, during.Count, ct)).Should().Equal(during.Select(m => m.Json), redis.Output);
        await sink.WhenIdleAsync(ct);
        (await after.CommandAsync(ct, "LLEN", Key)).Should().Be(0L, "nothing was pushed twice");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Restart_OfTheEngineWhileRedisIsDown_TheNextRunSendsWhatWasLeft(CancellationToken ct)
    {
        await using var redis = await RedisServerRunner.StartAsync(ct);
        using var folder = new TempDirectory();
        var messages = Calls(1, 4);
        await redis.StopAsync();
        await using (var first = await StartedSinkAsync(redis, folder, ct))
        {
            messages.ForEach(first.Write);
            await first.WaitUntilStoredAsync(messages.Count, ct);
        }

        await redis.StartAgainAsync(ct);
        await using var second = await StartedSinkAsync(redis, folder, ct);

        using var consumer = await RedisTestClient.ConnectAsync(redis.Port, ct);
        (await ReadAsync(consumer, messages.Count, ct)).Should().Equal(messages.Select(m => m.Json));
    }

    private static async Task<List<string?>> ReadAsync(RedisTestClient consumer, int count, CancellationToken ct)
    {
        var read = new List<string?>();
        for (var i = 0; i < count; i++)
        {
            read.Add(await consumer.BrpopAsync(Key, TimeSpan.FromSeconds(20), ct));
        }

        return read;
    }

    private static List<NotificationMessage> Calls(int first, int last) =>
        [.. Enumerable.Range(first, last - first + 1).Select(i => NotificationFormat.Of(new InboundCallNotification
        {
            Number = $"+1555000{i:D4}",
            DialNumber = "+15559990000",
            HoldTime = i,
            CallRef = $"CA{i:D32}",
            ContactRef = i % 2 == 0 ? $"REF{i}" : string.Empty,
            Ref = "alice",
        }))];

    private static async Task<RedisSinkRun> StartedSinkAsync(RedisServerRunner redis, TempDirectory folder, CancellationToken ct)
    {
        var options = Options.Create(new NotificationOptions
        {
            Redis =
            {
                ConnectionString = redis.ConnectionString,
                StorePath = folder.File("notifications.db"),
                RetryDelay = TimeSpan.FromMilliseconds(100),
                MaxRetryDelay = TimeSpan.FromMilliseconds(500),
                CommandTimeout = TimeSpan.FromSeconds(2),
            },
        });
        var store = new SqliteNotificationStore(options.Value.Redis.StorePath, NullLogger<SqliteNotificationStore>.Instance);
        var writer = new RedisListWriter(options);
        var sink = new RedisNotificationSink(store, writer, TimeProvider.System, options, NullLogger<RedisNotificationSink>.Instance);
        await sink.StartAsync(ct);
        return new RedisSinkRun(sink, store, writer);
    }

    private sealed class RedisSinkRun(RedisNotificationSink sink, SqliteNotificationStore store, RedisListWriter writer) : IAsyncDisposable
    {
        public void Write(NotificationMessage message) => sink.Write(message);

        public Task WhenIdleAsync(CancellationToken ct) => sink.WhenIdleAsync(ct);

        // The messages written while Redis is down are on disk (the store's rows), not only in memory.
        public async Task WaitUntilStoredAsync(int count, CancellationToken ct)
        {
            while ((await store.LoadAsync(int.MaxValue, ct)).Count < count)
            {
                await Task.Delay(20, ct);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await sink.StopAsync(CancellationToken.None);
            sink.Dispose();
            await store.DisposeAsync();
            await writer.DisposeAsync();
        }
    }
}
