namespace RcmlEngine.Calls.Records;

/// <summary>
/// Twilio's Calls list filters and paging. Every filter set must match; time ranges include their start
/// and exclude their end (the API turns <c>StartTime=2026-12-07</c>, <c>StartTime&gt;=</c>,
/// <c>StartTime&lt;=</c> into ranges).
/// </summary>
internal sealed record CallRecordQuery
{
    /// <summary>The account whose calls are listed.</summary>
    public required string AccountSid { get; init; }

    /// <summary>Only calls to this party (exact match).</summary>
    public string? To { get; init; }

    /// <summary>Only calls from this party (exact match).</summary>
    public string? From { get; init; }

    /// <summary>Only the legs this call created.</summary>
    public string? ParentCallSid { get; init; }

    /// <summary>Only calls in this status.</summary>
    public CallStatus? Status { get; init; }

    /// <summary>Only calls that started at or after this.</summary>
    public DateTimeOffset? StartTimeFrom { get; init; }

    /// <summary>Only calls that started before this.</summary>
    public DateTimeOffset? StartTimeTo { get; init; }

    /// <summary>Only calls that ended at or after this (live calls never match).</summary>
    public DateTimeOffset? EndTimeFrom { get; init; }

    /// <summary>Only calls that ended before this (live calls never match).</summary>
    public DateTimeOffset? EndTimeTo { get; init; }

    /// <summary>Records per page, 1 to <see cref="RecordPaging.MaxPageSize"/>. Default 50 (Twilio's).</summary>
    public int PageSize { get; init; } = RecordPaging.DefaultPageSize;

    /// <summary>The page number (0-based), echoed in the page; without a token, pages are counted from the newest record.</summary>
    public int Page { get; init; }

    /// <summary>A <see cref="RecordPage{T}.NextPageToken"/> or <see cref="RecordPage{T}.PreviousPageToken"/> of an earlier page.</summary>
    public string? PageToken { get; init; }
}
