using RcmlEngine.Calls;

namespace RcmlEngine.Queues;

/// <summary>
/// The queues of this node, in memory, under one lock: every change and every take is atomic. Agents waiting
/// for a caller (<see cref="TakeNextAsync"/>) are served in the order they started waiting.
/// </summary>
internal sealed class InMemoryQueueStore(TimeProvider time) : IQueueStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _bySid = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public QueueInfo Open(string accountSid, string friendlyName, int maxSize = QueueLimits.DefaultMaxSize)
    {
        lock (_lock)
        {
            return (ByName(accountSid, friendlyName) ?? Add(accountSid, friendlyName, maxSize)).Info(time.GetUtcNow());
        }
    }

    /// <inheritdoc />
    public QueueInfo? Create(string accountSid, string friendlyName, int maxSize)
    {
        lock (_lock)
        {
            return ByName(accountSid, friendlyName) is null ? Add(accountSid, friendlyName, maxSize).Info(time.GetUtcNow()) : null;
        }
    }

    /// <inheritdoc />
    public QueueInfo? Find(string accountSid, string queueSid)
    {
        lock (_lock)
        {
            return Get(accountSid, queueSid)?.Info(time.GetUtcNow());
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<QueueInfo> List(string accountSid)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return _bySid.Values.Where(e => e.AccountSid == accountSid).OrderBy(e => e.Created).Select(e => e.Info(now)).ToList();
        }
    }

    /// <inheritdoc />
    public QueueInfo? Update(string accountSid, string queueSid, string? friendlyName, int? maxSize)
    {
        lock (_lock)
        {
            if (Get(accountSid, queueSid) is not { } entry
                || (friendlyName is not null && friendlyName != entry.Name && ByName(accountSid, friendlyName) is not null))
            {
                return null;
            }

            entry.Name = friendlyName ?? entry.Name;
            entry.MaxSize = maxSize ?? entry.MaxSize;
            entry.Updated = time.GetUtcNow();
            return entry.Info(entry.Updated);
        }
    }

    /// <inheritdoc />
    public bool Delete(string accountSid, string queueSid)
    {
        lock (_lock)
        {
            if (Get(accountSid, queueSid) is not { } entry)
            {
                return false;
            }

            _bySid.Remove(queueSid);
            foreach (var agent in entry.Agents)
            {
                agent.TrySetCanceled();
            }

            return true;
        }
    }

    /// <inheritdoc />
    public QueueJoin Join(string queueSid, string callSid, int? maxSize = null)
    {
        TaskCompletionSource<QueueMember>? served = null;
        QueueMember member;
        lock (_lock)
        {
            if (!_bySid.TryGetValue(queueSid, out var entry))
            {
                return new QueueJoin(null, Full: false);
            }

            if (entry.Callers.Count >= Math.Min(entry.MaxSize, maxSize ?? int.MaxValue))
            {
                return new QueueJoin(null, Full: true);
            }

            var now = time.GetUtcNow();
            entry.Callers.Add((callSid, now));
            entry.Updated = now;
            member = new QueueMember(callSid, queueSid, now, entry.Callers.Count, TimeSpan.Zero);
            if (entry.Agents.First is { } first)
            {
                // An agent is waiting for the queue to fill: the new caller is theirs (the queue was empty).
                entry.Agents.RemoveFirst();
                entry.Callers.RemoveAt(0);
                served = first.Value;
                served.TrySetResult(member);
            }
        }

        return new QueueJoin(member, Full: false);
    }

    /// <inheritdoc />
    public IReadOnlyList<QueueMember> Members(string queueSid)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return _bySid.TryGetValue(queueSid, out var entry)
                ? entry.Callers.Select((c, i) => new QueueMember(c.CallSid, queueSid, c.Enqueued, i + 1, now - c.Enqueued)).ToList()
                : [];
        }
    }

    /// <inheritdoc />
    public QueueMember? FindMember(string queueSid, string callSid)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_bySid.TryGetValue(queueSid, out var entry))
            {
                return null;
            }

            var index = entry.Callers.FindIndex(c => c.CallSid == callSid);
            return index < 0 ? null : new QueueMember(callSid, queueSid, entry.Callers[index].Enqueued, index + 1, now - entry.Callers[index].Enqueued);
        }
    }

    /// <inheritdoc />
    public QueueMember? TakeFront(string queueSid)
    {
        lock (_lock)
        {
            return _bySid.TryGetValue(queueSid, out var entry) && entry.Callers.Count > 0 ? Remove(entry, 0) : null;
        }
    }

    /// <inheritdoc />
    public async Task<QueueMember> TakeNextAsync(string queueSid, CancellationToken cancellationToken)
    {
        var waiting = new TaskCompletionSource<QueueMember>(TaskCreationOptions.RunContinuationsAsynchronously);
        LinkedListNode<TaskCompletionSource<QueueMember>> node;
        lock (_lock)
        {
            if (!_bySid.TryGetValue(queueSid, out var entry))
            {
                throw new InvalidOperationException($"there is no queue {queueSid}");
            }

            if (entry.Callers.Count > 0)
            {
                return Remove(entry, 0);
            }

            node = entry.Agents.AddLast(waiting);
        }

        await using var registration = cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                // Under the lock: either a caller was handed over already, or the agent stops waiting.
                if (waiting.TrySetCanceled(cancellationToken) && node.List is { } list)
                {
                    list.Remove(node);
                }
            }
        });
        return await waiting.Task;
    }

    /// <inheritdoc />
    public QueueMember? Take(string queueSid, string callSid)
    {
        lock (_lock)
        {
            if (!_bySid.TryGetValue(queueSid, out var entry))
            {
                return null;
            }

            var index = entry.Callers.FindIndex(c => c.CallSid == callSid);
            return index < 0 ? null : Remove(entry, index);
        }
    }

    private QueueMember Remove(Entry entry, int index)
    {
        var (callSid, enqueued) = entry.Callers[index];
        entry.Callers.RemoveAt(index);
        var now = time.GetUtcNow();
        entry.Updated = now;
        return new QueueMember(callSid, entry.Sid, enqueued, index + 1, now - enqueued);
    }

    private Entry? ByName(string accountSid, string friendlyName) =>
        _bySid.Values.FirstOrDefault(e => e.AccountSid == accountSid && e.Name == friendlyName);

    private Entry? Get(string accountSid, string queueSid) =>
        _bySid.TryGetValue(queueSid, out var entry) && entry.AccountSid == accountSid ? entry : null;

    private Entry Add(string accountSid, string friendlyName, int maxSize)
    {
        var now = time.GetUtcNow();
        var entry = new Entry(TwilioSid.New("QU"), accountSid, now) { Name = friendlyName, MaxSize = maxSize, Updated = now };
        _bySid[entry.Sid] = entry;
        return entry;
    }

    /// <summary>One queue: its callers in arrival order, and the agents waiting for one.</summary>
    private sealed class Entry(string sid, string accountSid, DateTimeOffset created)
    {
        public string Sid { get; } = sid;

        public string AccountSid { get; } = accountSid;

        public DateTimeOffset Created { get; } = created;

        public required string Name { get; set; }

        public required int MaxSize { get; set; }

        public required DateTimeOffset Updated { get; set; }

        public List<(string CallSid, DateTimeOffset Enqueued)> Callers { get; } = [];

        public LinkedList<TaskCompletionSource<QueueMember>> Agents { get; } = [];

        public QueueInfo Info(DateTimeOffset now)
        {
            var average = Callers.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Callers.Average(c => (now - c.Enqueued).Ticks));
            return new QueueInfo(Sid, AccountSid, Name, MaxSize, Callers.Count, average, Created, Updated);
        }
    }
}
