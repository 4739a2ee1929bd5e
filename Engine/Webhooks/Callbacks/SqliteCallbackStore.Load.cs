using Microsoft.Data.Sqlite;
using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Webhooks.Callbacks;

internal sealed partial class SqliteCallbackStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingCallback>> LoadAsync(int limit, CancellationToken cancellationToken)
    {
        var loaded = new List<PendingCallback>();
        var unreadable = new List<long>();
        await UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT id, queue_key, url, method, auth_token, parameters, created_at_ms, attempts
                FROM callbacks ORDER BY id LIMIT $limit;
                """;
            command.Parameters.AddWithValue("$limit", limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (Read(reader) is { } callback)
                {
                    loaded.Add(callback);
                }
                else
                {
                    unreadable.Add(reader.GetInt64(0));
                }
            }
        }, cancellationToken);

        // A row that cannot be read (edited by hand, older schema) must not stop the others.
        foreach (var id in unreadable)
        {
            LogUnreadableRow(id);
            await RemoveAsync(id, cancellationToken);
        }

        return loaded;
    }

    private static PendingCallback? Read(SqliteDataReader reader)
    {
        if (!Uri.TryCreate(reader.GetString(2), UriKind.Absolute, out var url) ||
            !Enum.TryParse<WebhookMethod>(reader.GetString(3), out var method))
        {
            return null;
        }

        var token = reader.IsDBNull(4) ? null : reader.GetString(4);
        var request = new WebhookRequest(url, method, FormEncoding.Decode(reader.GetString(5)), token);
        return new PendingCallback
        {
            Id = reader.GetInt64(0),
            QueueKey = reader.GetString(1),
            Request = request,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
            Attempts = reader.GetInt32(7),
        };
    }
}
