namespace RcmlEngine.Execution.Streams;

/// <summary>
/// The media streams of one call, by name (a stream without <c>name</c> is known by its StreamSid), so that
/// <c>&lt;Stop&gt;&lt;Stream name&gt;</c> finds them. A stream removes itself when it ends.
/// </summary>
internal sealed class CallStreams
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RunningStream> _byName = new(StringComparer.Ordinal);

    /// <summary>How many streams run.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byName.Count;
            }
        }
    }

    /// <summary>Adds <paramref name="stream"/>; false when a running stream already has its name.</summary>
    public bool TryAdd(RunningStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        lock (_lock)
        {
            return _byName.TryAdd(stream.Name, stream);
        }
    }

    /// <summary>True when a stream of that name runs.</summary>
    public bool Contains(string name)
    {
        lock (_lock)
        {
            return _byName.ContainsKey(name);
        }
    }

    /// <summary>Takes the stream named <paramref name="name"/> out; null when none runs.</summary>
    public RunningStream? Remove(string name)
    {
        lock (_lock)
        {
            return _byName.Remove(name, out var stream) ? stream : null;
        }
    }

    /// <summary>Takes <paramref name="stream"/> out if it is still the one under its name.</summary>
    public void Remove(RunningStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        lock (_lock)
        {
            if (_byName.TryGetValue(stream.Name, out var current) && ReferenceEquals(current, stream))
            {
                _byName.Remove(stream.Name);
            }
        }
    }
}
