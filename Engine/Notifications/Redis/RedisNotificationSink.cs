using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RcmlEngine.Notifications.Redis;

/// <summary>
/// Writes notifications to a Redis list, in order, at least once. <see cref="Write"/> only hands the
/// message to a channel; the background loop stores what arrives (SQLite) and then pushes the oldest
/// unsent messages with one <c>LPUSH</c>, deleting them once Redis took them. A failed push is retried
/// with exponential backoff, messages arriving meanwhile are stored behind it, and what a stop leaves
/// is pushed by the next start. Nothing here throws into a call or stops the host.
/// </summary>
internal sealed partial class RedisNotificationSink : BackgroundService, INotificationSink
{
    /// <summary>Most messages pushed in one command.</summary>
    public const int PushBatch = 100;

    /// <summary>Most messages held unsent; past it a new one is dropped and logged (an outage of days).</summary>
    public const int MaxPending = 100_000;

    private readonly INotificationStore _store;
    private readonly IRedisListWriter _writer;
    private readonly TimeProvider _time;
    private readonly RedisNotificationOptions _options;
    private readonly ILogger<RedisNotificationSink> _logger;
    private readonly Channel<PendingNotification> _incoming = Channel.CreateUnbounded<PendingNotification>(new() { SingleReader = true });
    private readonly Lock _sync = new();
    private readonly List<PendingNotification> _unsent = [];
    private TaskCompletionSource? _idle;
    private int _pending;
    private bool _stopped;

    /// <summary>Creates the sink; it starts pushing when the host starts it.</summary>
    public RedisNotificationSink(INotificationStore store, IRedisListWriter writer, TimeProvider time,
        IOptions<NotificationOptions> options, ILogger<RedisNotificationSink> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _writer = writer;
        _time = time;
        _options = options.Value.Redis;
        _logger = logger;
    }

    /// <summary>Messages taken (or recovered) and not yet in Redis.</summary>
    public int PendingCount
    {
        get
        {
            lock (_sync)
            {
                return _pending;
            }
        }
    }

    /// <inheritdoc />
    public void Write(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_options.Writes(message.Type))
        {
            return;
        }

        lock (_sync)
        {
            if (_stopped || _pending >= MaxPending)
            {
                LogDropped(message.Type, _stopped ? "the sink is stopped" : $"{_pending} messages are waiting for Redis");
                return;
            }

            _pending++;
            _incoming.Writer.TryWrite(new PendingNotification { Json = message.Json, CreatedAt = _time.GetUtcNow() });
        }
    }

    /// <summary>Completes when every message taken so far is in Redis.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Takes back what a previous run left unsent (it goes first), then starts pushing.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RecoverAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        lock (_sync)
        {
            _stopped = true;
            _incoming.Writer.TryComplete();
        }

        // Whatever arrived and was not stored yet is stored now, for the next start.
        await StoreArrivalsAsync();
    }

    private void Sent(int count)
    {
        lock (_sync)
        {
            _pending -= count;
            if (_pending == 0 && _idle is not null)
            {
                _idle.TrySetResult();
                _idle = null;
            }
        }
    }
}
