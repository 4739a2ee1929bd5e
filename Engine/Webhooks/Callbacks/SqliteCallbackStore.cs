using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Webhooks.Callbacks;

/// <summary>
/// Undelivered callbacks in one SQLite file (WAL journal): a row per callback, deleted on delivery.
/// One connection, one operation at a time; the rows are small and the operations few per call.
/// Rows hold the AuthToken to sign with, so the file is as private as the configuration that holds it.
/// </summary>
internal sealed partial class SqliteCallbackStore(string path, ILogger<SqliteCallbackStore> logger) : ICallbackStore
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS callbacks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            queue_key TEXT NOT NULL,
            url TEXT NOT NULL,
            method TEXT NOT NULL,
            auth_token TEXT NULL,
            parameters TEXT NOT NULL,
            created_at_ms INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0);
        """;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;

    /// <inheritdoc />
    public async Task AddAsync(IReadOnlyList<PendingCallback> callbacks, CancellationToken cancellationToken)
    {
        await UseAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO callbacks (queue_key, url, method, auth_token, parameters, created_at_ms, attempts)
                VALUES ($key, $url, $method, $token, $parameters, $created, $attempts) RETURNING id;
                """;
            var key = insert.Parameters.Add("$key", SqliteType.Text);
            var url = insert.Parameters.Add("$url", SqliteType.Text);
            var method = insert.Parameters.Add("$method", SqliteType.Text);
            var token = insert.Parameters.Add("$token", SqliteType.Text);
            var parameters = insert.Parameters.Add("$parameters", SqliteType.Text);
            var created = insert.Parameters.Add("$created", SqliteType.Integer);
            var attempts = insert.Parameters.Add("$attempts", SqliteType.Integer);
            foreach (var callback in callbacks)
            {
                key.Value = callback.QueueKey;
                url.Value = callback.Request.Url.OriginalString;
                method.Value = callback.Request.Method.ToString();
                token.Value = (object?)callback.Request.AuthToken ?? DBNull.Value;
                parameters.Value = FormEncoding.Encode(callback.Request.Parameters);
                created.Value = callback.CreatedAt.ToUnixTimeMilliseconds();
                attempts.Value = callback.Attempts;
                callback.Id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
            }

            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task RemoveAsync(long id, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM callbacks WHERE id = $id;", id, null, cancellationToken);

    /// <inheritdoc />
    public Task RecordAttemptsAsync(long id, int attempts, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE callbacks SET attempts = $attempts WHERE id = $id;", id, attempts, cancellationToken);

    /// <inheritdoc />
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        long count = 0;
        await UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM callbacks;";
            count = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);
        return count;
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

    private async Task ExecuteAsync(string sql, long id, int? attempts, CancellationToken cancellationToken)
    {
        await UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", id);
            if (attempts is { } value)
            {
                command.Parameters.AddWithValue("$attempts", value);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
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
}
