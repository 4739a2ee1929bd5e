using Microsoft.Data.Sqlite;

namespace RcmlEngine.Calls.Records;

/// <summary>
/// The <c>WHERE</c> clause of a records query, built from the filters that are set. Column names come
/// from the stores' code, never from a request; values are always parameters.
/// </summary>
internal sealed class RecordFilter
{
    private readonly List<string> _clauses = [];
    private readonly List<KeyValuePair<string, object>> _values = [];

    /// <summary>The conditions joined with <c>AND</c>.</summary>
    public string Where => string.Join(" AND ", _clauses);

    /// <summary>Adds <c>column = value</c> unless <paramref name="value"/> is null.</summary>
    public RecordFilter Equal(string column, object? value) => Add(column, "=", value);

    /// <summary>Adds <c>column &gt;= value</c> unless <paramref name="value"/> is null.</summary>
    public RecordFilter AtLeast(string column, DateTimeOffset? value) => Add(column, ">=", value?.ToUnixTimeMilliseconds());

    /// <summary>Adds <c>column &lt; value</c> unless <paramref name="value"/> is null.</summary>
    public RecordFilter Below(string column, DateTimeOffset? value) => Add(column, "<", value?.ToUnixTimeMilliseconds());

    /// <summary>Sets the filter's parameters on <paramref name="command"/>.</summary>
    public void Bind(SqliteCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var (name, value) in _values)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    private RecordFilter Add(string column, string comparison, object? value)
    {
        if (value is null)
        {
            return this;
        }

        var name = "$f" + _values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _clauses.Add($"{column} {comparison} {name}");
        _values.Add(new(name, value));
        return this;
    }
}
