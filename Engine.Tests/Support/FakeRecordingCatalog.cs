using System.Collections.Concurrent;
using RcmlEngine.Calls.Records;
using RcmlEngine.Execution.Recordings;

namespace RcmlEngine.Tests.Support;

/// <summary>Recording records in memory, in the order they were saved.</summary>
internal sealed class FakeRecordingCatalog : IRecordingCatalog
{
    private readonly ConcurrentQueue<RecordingRecord> _saved = new();

    /// <summary>Every record saved.</summary>
    public IReadOnlyList<RecordingRecord> Saved => [.. _saved];

    public Task SaveAsync(RecordingRecord record, CancellationToken cancellationToken)
    {
        _saved.Enqueue(record);
        return Task.CompletedTask;
    }

    public Task<RecordingRecord?> FindAsync(string accountSid, string recordingSid, CancellationToken cancellationToken) =>
        Task.FromResult(_saved.FirstOrDefault(r => r.AccountSid == accountSid && r.Sid == recordingSid));

    public Task<RecordPage<RecordingRecord>> QueryAsync(RecordingQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> DeleteAsync(string accountSid, string recordingSid, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) => throw new NotSupportedException();
}
