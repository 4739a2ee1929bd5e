using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace RcmlEngine.Notifications.Redis;

/// <summary>
/// Messages not yet in Redis, in one SQLite file (WAL journal): a row per message, deleted once pushed.
/// One connection, one operation at a time. The rows hold callers' numbers: keep the file private.
/// </summary>
internal sealed partial class SqliteNotificationStore(string path, ILogger<SqliteNotificationStore> logger) : INotificationStore
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS notifications (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            body TEXT NOT NULL,
            created_at_ms INTEGER NOT NULL);
        """;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;

    /// <inheritdoc />
    public Task AddAsync(IReadOnlyList<PendingNotification> messages, CancellationToken cancellationToken) =>
        UseAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO notifications (body, created_at_ms) VALUES ($body, $created) RETURNING id;";
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            var created = insert.Parameters.Add("$created", SqliteType.Integer);
            var ids = new long[messages.Count];
            for (var i = 0; i < messages.Count; i++)
            {
                body.Value = messages[i].Json;
                created.Value = messages[i].CreatedAt.ToUnixTimeMilliseconds();
                ids[i] = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
            }

            await transaction.CommitAsync(cancellationToken);
            // Only once committed: a message with an id is on disk.
            for (var i = 0; i < messages.Count; i++)
            {
                messages[i].Id = ids[i];
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task RemoveAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        UseAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM notifications WHERE id = $id;";
            var id = delete.Parameters.Add("$id", SqliteType.Integer);
            foreach (var value in ids)
            {
                id.Value = value;
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingNotification>> LoadAsync(int limit, CancellationToken cancellationToken)
    {
        var loaded = new List<PendingNotification>();
        await UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, body, created_at_ms FROM notifications ORDER BY id LIMIT $limit;";
            command.Parameters.AddWithValue("$limit", limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                loaded.Add(new PendingNotification
                {
                    Id = reader.GetInt64(0),
                    Json = reader.GetString(1),
                    CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                });
            }
        }, cancellationToken);
        return loaded;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task UseAsync(Func<SqliteConnection, Task> operation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await operation(_connection ??= await OpenAsync(cancellationToken));
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var schema = connection.CreateCommand();
        schema.CommandText = Schema;
        await schema.ExecuteNonQueryAsync(cancellationToken);
        LogOpened(path);
        return connection;
    }

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Notifications + 20, Level = LogLevel.Debug, Message = "Notification store opened at {Path}")]
    private partial void LogOpened(string path);
}
