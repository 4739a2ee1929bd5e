using RcmlEngine.Calls.Records;

namespace RcmlEngine.Execution.Recordings;

/// <summary>
/// Twilio's Recordings list filters and paging. Every filter set must match; the creation range includes
/// its start and excludes its end (the API turns <c>DateCreated=</c>, <c>DateCreated&gt;=</c>,
/// <c>DateCreated&lt;=</c> into a range).
/// </summary>
internal sealed record RecordingQuery
{
    /// <summary>The account whose recordings are listed.</summary>
    public required string AccountSid { get; init; }

    /// <summary>Only the recordings of this call.</summary>
    public string? CallSid { get; init; }

    /// <summary>Only the recordings of this conference.</summary>
    public string? ConferenceSid { get; init; }

    /// <summary>Only recordings created at or after this.</summary>
    public DateTimeOffset? DateCreatedFrom { get; init; }

    /// <summary>Only recordings created before this.</summary>
    public DateTimeOffset? DateCreatedTo { get; init; }

    /// <summary>Records per page, 1 to <see cref="RecordPaging.MaxPageSize"/>. Default 50 (Twilio's).</summary>
    public int PageSize { get; init; } = RecordPaging.DefaultPageSize;

    /// <summary>The page number (0-based), echoed in the page; without a token, pages are counted from the newest record.</summary>
    public int Page { get; init; }

    /// <summary>A <see cref="RecordPage{T}.NextPageToken"/> or <see cref="RecordPage{T}.PreviousPageToken"/> of an earlier page.</summary>
    public string? PageToken { get; init; }
}
