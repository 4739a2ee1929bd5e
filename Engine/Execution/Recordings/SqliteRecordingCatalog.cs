using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using RcmlEngine.Calls.Records;

namespace RcmlEngine.Execution.Recordings;

/// <summary>
/// Recording records in the <c>recordings</c> table of the records database (the file call records are
/// in); deleting or pruning a record deletes its WAV file too.
/// </summary>
internal sealed partial class SqliteRecordingCatalog(SqliteRecordsDatabase database, ILogger<SqliteRecordingCatalog> logger) : IRecordingCatalog
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS recordings (
            sid TEXT NOT NULL PRIMARY KEY,
            account_sid TEXT NOT NULL,
            call_sid TEXT NOT NULL,
            conference_sid TEXT NULL,
            date_created_ms INTEGER NOT NULL,
            date_updated_ms INTEGER NOT NULL,
            start_time_ms INTEGER NOT NULL,
            duration INTEGER NOT NULL,
            channels INTEGER NOT NULL,
            source TEXT NOT NULL,
            status TEXT NOT NULL,
            file_path TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS recordings_by_account ON recordings (account_sid, date_created_ms, sid);
        CREATE INDEX IF NOT EXISTS recordings_by_call ON recordings (call_sid);
        """;

    private const string Columns = """
        sid, account_sid, call_sid, conference_sid, date_created_ms, date_updated_ms, start_time_ms, duration,
        channels, source, status, file_path
        """;

    /// <inheritdoc />
    public async Task SaveAsync(RecordingRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await database.UseAsync(Schema, async connection =>
            {
                await using var save = connection.CreateCommand();
                save.CommandText = $"""
                    INSERT OR REPLACE INTO recordings ({Columns})
                    VALUES ($sid, $account, $call, $conference, $created, $updated, $start, $duration,
                            $channels, $source, $status, $file);
                    """;
                save.Parameters.AddWithValue("$sid", record.Sid);
                save.Parameters.AddWithValue("$account", record.AccountSid);
                save.Parameters.AddWithValue("$call", record.CallSid);
                save.Parameters.AddWithValue("$conference", (object?)record.ConferenceSid ?? DBNull.Value);
                save.Parameters.AddWithValue("$created", record.DateCreated.ToUnixTimeMilliseconds());
                save.Parameters.AddWithValue("$updated", record.DateUpdated.ToUnixTimeMilliseconds());
                save.Parameters.AddWithValue("$start", record.StartTime.ToUnixTimeMilliseconds());
                save.Parameters.AddWithValue("$duration", record.Duration);
                save.Parameters.AddWithValue("$channels", record.Channels);
                save.Parameters.AddWithValue("$source", record.Source);
                save.Parameters.AddWithValue("$status", record.Status);
                save.Parameters.AddWithValue("$file", record.FilePath);
                return await save.ExecuteNonQueryAsync(cancellationToken);
            }, cancellationToken);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            LogSaveFailed(exception, record.Sid, record.CallSid);
        }
    }

    /// <inheritdoc />
    public Task<RecordingRecord?> FindAsync(string accountSid, string recordingSid, CancellationToken cancellationToken) =>
        database.UseAsync(Schema, async connection =>
        {
            await using var find = connection.CreateCommand();
            find.CommandText = $"SELECT {Columns} FROM recordings WHERE sid = $sid AND account_sid = $account;";
            find.Parameters.AddWithValue("$sid", recordingSid);
            find.Parameters.AddWithValue("$account", accountSid);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<RecordPage<RecordingRecord>> QueryAsync(RecordingQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(query.AccountSid, nameof(query));
        RecordPaging.Check(query.PageSize, query.Page, query.PageToken);
        var page = new PageQuery
        {
            Table = "recordings",
            Columns = Columns,
            Filter = new RecordFilter()
                .Equal("account_sid", query.AccountSid)
                .Equal("call_sid", query.CallSid)
                .Equal("conference_sid", query.ConferenceSid)
                .AtLeast("date_created_ms", query.DateCreatedFrom)
                .Below("date_created_ms", query.DateCreatedTo),
            PageSize = query.PageSize,
            Page = query.Page,
            PageToken = query.PageToken,
        };
        return database.UseAsync(Schema,
            connection => RecordPaging.QueryAsync(connection, page, Read, r => (r.DateCreated, r.Sid), cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string accountSid, string recordingSid, CancellationToken cancellationToken)
    {
        var files = await DeleteRowsAsync("sid = $sid AND account_sid = $account", command =>
        {
            command.Parameters.AddWithValue("$sid", recordingSid);
            command.Parameters.AddWithValue("$account", accountSid);
        }, cancellationToken);
        DeleteFiles(files);
        return files.Count > 0;
    }

    /// <inheritdoc />
    public async Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var files = await DeleteRowsAsync("date_created_ms < $before",
            command => command.Parameters.AddWithValue("$before", olderThan.ToUnixTimeMilliseconds()), cancellationToken);
        DeleteFiles(files);
        return files.Count;
    }

    // Deletes the matching rows and returns their files (one per row), in one transaction.
    private Task<List<string>> DeleteRowsAsync(string where, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        database.UseAsync(Schema, async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM recordings WHERE {where} RETURNING file_path;";
            bind(delete);
            var files = new List<string>();
            await using (var reader = await delete.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    files.Add(reader.GetString(0));
                }
            }

            await transaction.CommitAsync(cancellationToken);
            return files;
        }, cancellationToken);

    private void DeleteFiles(List<string> files)
    {
        foreach (var file in files)
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
            {
                LogFileNotDeleted(exception, file);
            }
        }
    }

    private static RecordingRecord Read(SqliteDataReader reader) => new()
    {
        Sid = reader.GetString(0),
        AccountSid = reader.GetString(1),
        CallSid = reader.GetString(2),
        ConferenceSid = reader.IsDBNull(3) ? null : reader.GetString(3),
        DateCreated = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        DateUpdated = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        StartTime = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
        Duration = reader.GetInt32(7),
        Channels = reader.GetInt32(8),
        Source = reader.GetString(9),
        Status = reader.GetString(10),
        FilePath = reader.GetString(11),
    };
}
