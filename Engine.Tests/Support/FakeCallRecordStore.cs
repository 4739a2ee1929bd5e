using System.Collections.Concurrent;
using RcmlEngine.Calls.Records;

namespace RcmlEngine.Tests.Support;

/// <summary>Call records in memory; every save first runs <see cref="BeforeSave"/> (hold it on a gate, or throw).</summary>
internal sealed class FakeCallRecordStore : ICallRecordStore
{
    private readonly ConcurrentDictionary<string, CallRecord> _records = new(StringComparer.Ordinal);
    private int _saves;

    /// <summary>Runs before each save; its exception fails the save.</summary>
    public Func<CallRecord, Task>? BeforeSave { get; set; }

    /// <summary>Saves attempted so far.</summary>
    public int Saves => Volatile.Read(ref _saves);

    /// <summary>What is stored, by sid.</summary>
    public IReadOnlyDictionary<string, CallRecord> Records => _records;

    /// <summary>Prune calls so far, with their cutoff.</summary>
    public ConcurrentQueue<DateTimeOffset> Prunes { get; } = new();

    /// <summary>Thrown by <see cref="PruneAsync"/> when set.</summary>
    public Exception? PruneFailure { get; set; }

    /// <summary>Completes at the next prune.</summary>
    public TaskCompletionSource Pruned { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task SaveAsync(CallRecord record, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _saves);
        if (BeforeSave is { } before)
        {
            await before(record);
        }

        _records[record.Sid] = record;
    }

    public Task<CallRecord?> FindAsync(string accountSid, string callSid, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryGetValue(callSid, out var record) && record.AccountSid == accountSid ? record : null);

    public Task<RecordPage<CallRecord>> QueryAsync(CallRecordQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> DeleteAsync(string accountSid, string callSid, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        Prunes.Enqueue(olderThan);
        var pruned = Pruned;
        Pruned = new(TaskCreationOptions.RunContinuationsAsynchronously);
        pruned.TrySetResult();
        return PruneFailure is { } failure ? Task.FromException<int>(failure) : Task.FromResult(0);
    }
}
