namespace RcmlEngine.Calls.Dialing;

/// <summary>
/// The <see cref="IOutboundCall.Progress"/> event of a leg, remembering its last news: a handler added
/// after ringing began gets that news at once (a leg starts dialing before its creator can subscribe,
/// and a callee on the same host rings within microseconds).
/// </summary>
internal sealed class DialProgressEvent
{
    private readonly Lock _lock = new();
    private EventHandler<DialProgressEventArgs>? _handlers;
    private DialProgressEventArgs? _last;

    /// <summary>Adds a handler; it hears the last news now, if there was any.</summary>
    public void Add(object sender, EventHandler<DialProgressEventArgs>? handler)
    {
        DialProgressEventArgs? last;
        lock (_lock)
        {
            _handlers += handler;
            last = _last;
        }

        if (last is not null)
        {
            handler?.Invoke(sender, last);
        }
    }

    /// <summary>Removes a handler.</summary>
    public void Remove(EventHandler<DialProgressEventArgs>? handler)
    {
        lock (_lock)
        {
            _handlers -= handler;
        }
    }

    /// <summary>Remembers the news and tells every handler, on the calling thread.</summary>
    public void Raise(object sender, DialProgressEventArgs news)
    {
        EventHandler<DialProgressEventArgs>? handlers;
        lock (_lock)
        {
            _last = news;
            handlers = _handlers;
        }

        handlers?.Invoke(sender, news);
    }
}
