using RcmlEngine.Calls.Records;

namespace RcmlEngine.Execution.Recordings;

/// <summary>
/// The records of finished recordings, kept across restarts (Twilio's Recordings resource); the audio
/// stays in the <see cref="IRecordingStore"/>. Every read is scoped to an account.
/// </summary>
internal interface IRecordingCatalog
{
    /// <summary>
    /// Inserts <paramref name="record"/>, or replaces the record with its sid. A storage failure is logged,
    /// not thrown: a call goes on when its recording could not be catalogued.
    /// </summary>
    Task SaveAsync(RecordingRecord record, CancellationToken cancellationToken);

    /// <summary>The record of <paramref name="recordingSid"/> in <paramref name="accountSid"/>; null when there is none (or it is another account's).</summary>
    Task<RecordingRecord?> FindAsync(string accountSid, string recordingSid, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the account's recordings matching <paramref name="query"/>, newest first. Throws
    /// <see cref="ArgumentException"/> for a page token this catalog did not issue.
    /// </summary>
    Task<RecordPage<RecordingRecord>> QueryAsync(RecordingQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes the record and its WAV file; false when there was no such record in that account.</summary>
    Task<bool> DeleteAsync(string accountSid, string recordingSid, CancellationToken cancellationToken);

    /// <summary>Deletes the recordings (records and files) created before <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
