namespace RcmlEngine.Notifications.Redis;

/// <summary>Pushes messages onto the configured Redis list.</summary>
internal interface IRedisListWriter : IAsyncDisposable
{
    /// <summary>
    /// <c>LPUSH</c>es <paramref name="messages"/> in one command, first one first, so <c>BRPOP</c> reads
    /// them in this order. Throws when Redis did not take them (down, timed out).
    /// </summary>
    Task PushAsync(IReadOnlyList<string> messages, CancellationToken cancellationToken);

    /// <summary><paramref name="text"/> with the connection's password (and user) masked, for logs.</summary>
    string Redact(string text);
}
