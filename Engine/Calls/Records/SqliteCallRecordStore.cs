using Microsoft.Extensions.Logging;

namespace RcmlEngine.Calls.Records;

/// <summary>
/// Call records in the <c>calls</c> table of the records database: a row per call, replaced at each
/// change, times in Unix milliseconds, direction and status as Twilio's words. Indexed for the account's
/// newest-first listing.
/// </summary>
internal sealed partial class SqliteCallRecordStore(SqliteRecordsDatabase database, ILogger<SqliteCallRecordStore> logger) : ICallRecordStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS calls (
            sid TEXT NOT NULL PRIMARY KEY,
            account_sid TEXT NOT NULL,
            parent_call_sid TEXT NULL,
            from_party TEXT NOT NULL,
            to_party TEXT NOT NULL,
            direction TEXT NOT NULL,
            status TEXT NOT NULL,
            date_created_ms INTEGER NOT NULL,
            date_updated_ms INTEGER NOT NULL,
            start_time_ms INTEGER NULL,
            end_time_ms INTEGER NULL,
            answer_time_ms INTEGER NULL,
            duration INTEGER NULL,
            caller_name TEXT NULL,
            forwarded_from TEXT NULL,
            answered_by TEXT NULL);
        CREATE INDEX IF NOT EXISTS calls_by_account ON calls (account_sid, date_created_ms, sid);
        CREATE INDEX IF NOT EXISTS calls_by_update ON calls (date_updated_ms);
        """;

    private const string Columns = """
        sid, account_sid, parent_call_sid, from_party, to_party, direction, status, date_created_ms, date_updated_ms,
        start_time_ms, end_time_ms, answer_time_ms, duration, caller_name, forwarded_from, answered_by
        """;

    /// <inheritdoc />
    public Task SaveAsync(CallRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return database.UseAsync(Schema, async connection =>
        {
            await using var save = connection.CreateCommand();
            save.CommandText = $"""
                INSERT OR REPLACE INTO calls ({Columns})
                VALUES ($sid, $account, $parent, $from, $to, $direction, $status, $created, $updated,
                        $start, $end, $answer, $duration, $callerName, $forwardedFrom, $answeredBy);
                """;
            save.Parameters.AddWithValue("$sid", record.Sid);
            save.Parameters.AddWithValue("$account", record.AccountSid);
            save.Parameters.AddWithValue("$parent", Nullable(record.ParentCallSid));
            save.Parameters.AddWithValue("$from", record.From);
            save.Parameters.AddWithValue("$to", record.To);
            save.Parameters.AddWithValue("$direction", record.Direction.ToWebhookValue());
            save.Parameters.AddWithValue("$status", record.Status.ToWebhookValue());
            save.Parameters.AddWithValue("$created", record.DateCreated.ToUnixTimeMilliseconds());
            save.Parameters.AddWithValue("$updated", record.DateUpdated.ToUnixTimeMilliseconds());
            save.Parameters.AddWithValue("$start", Nullable(record.StartTime?.ToUnixTimeMilliseconds()));
            save.Parameters.AddWithValue("$end", Nullable(record.EndTime?.ToUnixTimeMilliseconds()));
            save.Parameters.AddWithValue("$answer", Nullable(record.AnswerTime?.ToUnixTimeMilliseconds()));
            save.Parameters.AddWithValue("$duration", Nullable(record.Duration));
            save.Parameters.AddWithValue("$callerName", Nullable(record.CallerName));
            save.Parameters.AddWithValue("$forwardedFrom", Nullable(record.ForwardedFrom));
            save.Parameters.AddWithValue("$answeredBy", Nullable(record.AnsweredBy));
            return await save.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<CallRecord?> FindAsync(string accountSid, string callSid, CancellationToken cancellationToken) =>
        database.UseAsync(Schema, async connection =>
        {
            await using var find = connection.CreateCommand();
            find.CommandText = $"SELECT {Columns} FROM calls WHERE sid = $sid AND account_sid = $account;";
            find.Parameters.AddWithValue("$sid", callSid);
            find.Parameters.AddWithValue("$account", accountSid);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<RecordPage<CallRecord>> QueryAsync(CallRecordQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(query.AccountSid, nameof(query));
        RecordPaging.Check(query.PageSize, query.Page, query.PageToken);
        var filter = new RecordFilter()
            .Equal("account_sid", query.AccountSid)
            .Equal("to_party", query.To)
            .Equal("from_party", query.From)
            .Equal("parent_call_sid", query.ParentCallSid)
            .Equal("status", query.Status?.ToWebhookValue())
            .AtLeast("start_time_ms", query.StartTimeFrom)
            .Below("start_time_ms", query.StartTimeTo)
            .AtLeast("end_time_ms", query.EndTimeFrom)
            .Below("end_time_ms", query.EndTimeTo);
        var page = new PageQuery
        {
            Table = "calls",
            Columns = Columns,
            Filter = filter,
            PageSize = query.PageSize,
            Page = query.Page,
            PageToken = query.PageToken,
        };
        return database.UseAsync(Schema,
            connection => RecordPaging.QueryAsync(connection, page, Read, r => (r.DateCreated, r.Sid), cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string accountSid, string callSid, CancellationToken cancellationToken) =>
        database.UseAsync(Schema, async connection =>
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM calls WHERE sid = $sid AND account_sid = $account;";
            delete.Parameters.AddWithValue("$sid", callSid);
            delete.Parameters.AddWithValue("$account", accountSid);
            return await delete.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        database.UseAsync(Schema, async connection =>
        {
            await using var prune = connection.CreateCommand();
            prune.CommandText = "DELETE FROM calls WHERE end_time_ms IS NOT NULL AND date_updated_ms < $before;";
            prune.Parameters.AddWithValue("$before", olderThan.ToUnixTimeMilliseconds());
            return await prune.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private static object Nullable(object? value) => value ?? DBNull.Value;
}
