namespace RcmlEngine.Calls.Records;

/// <summary>
/// One page of records, newest first (by creation time, then sid). The tokens lead to the pages beside
/// it and stay valid while records are added: a page after a token starts after that token's record.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed record RecordPage<T>
{
    /// <summary>The records of the page, newest first.</summary>
    public required IReadOnlyList<T> Items { get; init; }

    /// <summary>The page number asked for (0-based).</summary>
    public required int Page { get; init; }

    /// <summary>The page size asked for.</summary>
    public required int PageSize { get; init; }

    /// <summary>The token of the next (older) page; null on the last page.</summary>
    public string? NextPageToken { get; init; }

    /// <summary>The token of the previous (newer) page; null on the first page.</summary>
    public string? PreviousPageToken { get; init; }
}
