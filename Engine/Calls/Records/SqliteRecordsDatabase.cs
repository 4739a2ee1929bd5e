using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace RcmlEngine.Calls.Records;

/// <summary>
/// The SQLite file (WAL journal) holding call and recording records: one connection, opened on first use,
/// one operation at a time. Each store passes its own schema, applied once per open connection.
/// </summary>
internal sealed partial class SqliteRecordsDatabase(string path, ILogger<SqliteRecordsDatabase> logger) : IAsyncDisposable
{
    private const string Pragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        """;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _schemas = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;
    private bool _disposed;

    /// <summary>The file.</summary>
    public string FilePath => path;

    /// <summary>Runs <paramref name="operation"/> alone on the connection, after creating <paramref name="schema"/> if this connection has not yet.</summary>
    public async Task<T> UseAsync<T>(string schema, Func<SqliteConnection, Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(operation);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var connection = _connection ??= await OpenAsync(cancellationToken);
            if (!_schemas.Contains(schema))
            {
                await using var create = connection.CreateCommand();
                create.CommandText = schema;
                await create.ExecuteNonQueryAsync(cancellationToken);
                _schemas.Add(schema);
            }

            return await operation(connection);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the connection (a later use fails).</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _disposed = true;
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

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = Pragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        _schemas.Clear();
        LogOpened(path);
        return connection;
    }
}
