using System.Net;

namespace RcmlEngine.Sip.Transport;

/// <summary>
/// The local address the kernel routes from towards each remote address, for Via and Contact, with
/// at most <see cref="Capacity"/> entries: the least recently used goes first. Remote addresses
/// come from the network (a spoofed UDP source is one more), so the cache must not grow with them.
/// Thread-safe.
/// </summary>
internal sealed class LocalAddressCache
{
    /// <summary>Entries kept by default: far more peers than a node talks to at once, a few hundred KB at most.</summary>
    public const int DefaultCapacity = 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<IPAddress, LinkedListNode<(IPAddress Remote, IPAddress Local)>> _entries = [];
    private readonly LinkedList<(IPAddress Remote, IPAddress Local)> _recent = new();

    /// <summary>Creates a cache holding at most <paramref name="capacity"/> entries.</summary>
    public LocalAddressCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most entries kept.</summary>
    public int Capacity { get; }

    /// <summary>Entries held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The cached local address for <paramref name="remote"/>, marking it recently used.</summary>
    public bool TryGet(IPAddress remote, out IPAddress local)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(remote, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                local = node.Value.Local;
                return true;
            }
        }

        local = IPAddress.None;
        return false;
    }

    /// <summary>Remembers <paramref name="local"/> for <paramref name="remote"/>, dropping the least recently used entry when full.</summary>
    public void Set(IPAddress remote, IPAddress local)
    {
        lock (_lock)
        {
            if (_entries.Remove(remote, out var existing))
            {
                _recent.Remove(existing);
            }
            else if (_entries.Count >= Capacity)
            {
                var oldest = _recent.Last!;
                _recent.RemoveLast();
                _entries.Remove(oldest.Value.Remote);
            }

            _entries[remote] = _recent.AddFirst((remote, local));
        }
    }
}
