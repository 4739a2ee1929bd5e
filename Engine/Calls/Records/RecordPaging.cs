using Microsoft.Data.Sqlite;

namespace RcmlEngine.Calls.Records;

/// <summary>
/// Keyset paging over a records table with <c>date_created_ms</c> and <c>sid</c> columns, newest first:
/// a token names the boundary record, so a page after it is the same however many records were added
/// since. Without a token, <c>Page</c> counts pages from the newest record.
/// </summary>
internal static class RecordPaging
{
    /// <summary>The page size when none is asked for (Twilio's).</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page (Twilio's).</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The parsed token of a query; throws <see cref="ArgumentException"/> for bad paging values.</summary>
    public static RecordPageToken? Check(int pageSize, int page, string? pageToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1, "PageSize");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize, "PageSize");
        ArgumentOutOfRangeException.ThrowIfNegative(page, "Page");
        if (pageToken is null)
        {
            return null;
        }

        return RecordPageToken.TryParse(pageToken, out var token) ? token : throw new ArgumentException($"'{pageToken}' is not a page token", nameof(pageToken));
    }

    /// <summary>
    /// Reads one page of <paramref name="query"/>'s table (<paramref name="read"/> skips a row by returning
    /// null) with the tokens of its neighbours; <paramref name="keyOf"/> gives a record's creation time and sid.
    /// </summary>
    public static async Task<RecordPage<T>> QueryAsync<T>(SqliteConnection connection, PageQuery query, Func<SqliteDataReader, T?> read,
        Func<T, (DateTimeOffset Created, string Sid)> keyOf, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(keyOf);
        var token = Check(query.PageSize, query.Page, query.PageToken);
        var backwards = token?.Before == true;
        var order = backwards ? "ASC" : "DESC";
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {query.Columns} FROM {query.Table} WHERE {query.Filter.Where}{Keyset(token, "$key")} " +
            $"ORDER BY date_created_ms {order}, sid {order} LIMIT $limit OFFSET $offset;";
        query.Filter.Bind(select);
        BindKey(select, "$key", token);
        select.Parameters.AddWithValue("$limit", query.PageSize + 1);
        select.Parameters.AddWithValue("$offset", token is null ? (long)query.Page * query.PageSize : 0L);
        var rows = new List<T>(Math.Min(query.PageSize + 1, 64));
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (read(reader) is { } row)
                {
                    rows.Add(row);
                }
            }
        }

        var more = rows.Count > query.PageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (backwards)
        {
            rows.Reverse();
        }

        string? next = null;
        string? previous = null;
        if (rows.Count > 0)
        {
            var newest = Token(before: true, keyOf(rows[0]));
            var oldest = Token(before: false, keyOf(rows[^1]));
            next = (backwards ? await ExistsAsync(connection, query, oldest, cancellationToken) : more) ? oldest.Format() : null;
            previous = (backwards ? more : await ExistsAsync(connection, query, newest, cancellationToken)) ? newest.Format() : null;
        }

        return new RecordPage<T> { Items = rows, Page = query.Page, PageSize = query.PageSize, NextPageToken = next, PreviousPageToken = previous };
    }

    private static RecordPageToken Token(bool before, (DateTimeOffset Created, string Sid) key) =>
        new(before, key.Created.ToUnixTimeMilliseconds(), key.Sid);

    // Whether any record lies beyond the boundary in the token's direction.
    private static async Task<bool> ExistsAsync(SqliteConnection connection, PageQuery query, RecordPageToken boundary, CancellationToken cancellationToken)
    {
        await using var exists = connection.CreateCommand();
        exists.CommandText = $"SELECT EXISTS (SELECT 1 FROM {query.Table} WHERE {query.Filter.Where}{Keyset(boundary, "$key")});";
        query.Filter.Bind(exists);
        BindKey(exists, "$key", boundary);
        return (long)(await exists.ExecuteScalarAsync(cancellationToken))! != 0;
    }

    // Records after (older than) the boundary for PA, before (newer than) it for PB.
    private static string Keyset(RecordPageToken? token, string name)
    {
        if (token is null)
        {
            return string.Empty;
        }

        var beyond = token.Before ? ">" : "<";
        return $" AND (date_created_ms {beyond} {name}_created OR (date_created_ms = {name}_created AND sid {beyond} {name}_sid))";
    }

    private static void BindKey(SqliteCommand command, string name, RecordPageToken? token)
    {
        if (token is not null)
        {
            command.Parameters.AddWithValue(name + "_created", token.CreatedMilliseconds);
            command.Parameters.AddWithValue(name + "_sid", token.Sid);
        }
    }
}
