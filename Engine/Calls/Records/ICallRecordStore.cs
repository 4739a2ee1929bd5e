namespace RcmlEngine.Calls.Records;

/// <summary>
/// Where call records are kept across restarts (Twilio's Calls resource). Every read is scoped to an
/// account: another account's call is never returned.
/// </summary>
internal interface ICallRecordStore
{
    /// <summary>Inserts <paramref name="record"/>, or replaces the record with its sid.</summary>
    Task SaveAsync(CallRecord record, CancellationToken cancellationToken);

    /// <summary>The record of <paramref name="callSid"/> in <paramref name="accountSid"/>; null when there is none (or it is another account's).</summary>
    Task<CallRecord?> FindAsync(string accountSid, string callSid, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the account's records matching <paramref name="query"/>, newest first. Throws
    /// <see cref="ArgumentException"/> for a page token this store did not issue.
    /// </summary>
    Task<RecordPage<CallRecord>> QueryAsync(CallRecordQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes the record; false when there was none in that account.</summary>
    Task<bool> DeleteAsync(string accountSid, string callSid, CancellationToken cancellationToken);

    /// <summary>Deletes the records of ended calls last updated before <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
