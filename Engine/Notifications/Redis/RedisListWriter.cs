using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace RcmlEngine.Notifications.Redis;

/// <summary>
/// The StackExchange.Redis writer: one multiplexer, connected on first use and reconnecting by itself.
/// Commands fail fast while it is disconnected (no backlog): the sink's retries and store take over.
/// </summary>
internal sealed class RedisListWriter : IRedisListWriter
{
    private readonly ConfigurationOptions _configuration;
    private readonly RedisKey _key;
    private readonly TimeSpan _timeout;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _multiplexer;

    /// <summary>Creates a writer of <c>Notifications:Redis</c>; nothing connects until the first push.</summary>
    public RedisListWriter(IOptions<NotificationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var redis = options.Value.Redis;
        _configuration = ConfigurationOptions.Parse(redis.ConnectionString ?? string.Empty);
        _configuration.AbortOnConnectFail = false;
        _configuration.BacklogPolicy = BacklogPolicy.FailFast;
        _configuration.ReconnectRetryPolicy = new ExponentialRetry(250, 5000);
        _timeout = redis.CommandTimeout;
        _configuration.AsyncTimeout = (int)_timeout.TotalMilliseconds;
        _configuration.ConnectTimeout = (int)_timeout.TotalMilliseconds;
        _key = redis.Key;
    }

    /// <summary>The servers, without password, for logs.</summary>
    public string Endpoints => string.Join(",", _configuration.EndPoints.Select(e => e.ToString()));

    /// <inheritdoc />
    public async Task PushAsync(IReadOnlyList<string> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var multiplexer = await ConnectAsync(cancellationToken);
        var values = new RedisValue[messages.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = messages[i];
        }

        await multiplexer.GetDatabase().ListLeftPushAsync(_key, values).WaitAsync(_timeout, cancellationToken);
    }

    /// <inheritdoc />
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in new[] { _configuration.Password, _configuration.User })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync();
            _multiplexer = null;
        }

        _connecting.Dispose();
    }

    // With AbortOnConnectFail off, this returns even when Redis is down; the multiplexer then reconnects itself.
    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_multiplexer is { } ready)
        {
            return ready;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            return _multiplexer ??= await ConnectionMultiplexer.ConnectAsync(_configuration).WaitAsync(cancellationToken);
        }
        finally
        {
            _connecting.Release();
        }
    }
}
