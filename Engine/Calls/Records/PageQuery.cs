namespace RcmlEngine.Calls.Records;

/// <summary>What <see cref="RecordPaging.QueryAsync"/> reads: a table's columns, its filter, and the paging values asked for.</summary>
internal sealed record PageQuery
{
    /// <summary>The table (a constant of the store).</summary>
    public required string Table { get; init; }

    /// <summary>The selected columns, in the order the store's reader expects.</summary>
    public required string Columns { get; init; }

    /// <summary>The conditions every record matches (at least the account).</summary>
    public required RecordFilter Filter { get; init; }

    /// <summary>Records per page.</summary>
    public required int PageSize { get; init; }

    /// <summary>The page number.</summary>
    public required int Page { get; init; }

    /// <summary>The token of an earlier page, or null.</summary>
    public string? PageToken { get; init; }
}
