using System.Text.Json.Serialization;

namespace RcmlEngine.Api.Calls;

/// <summary>A page of calls, Twilio's <c>ListCallResponse</c>.</summary>
internal sealed record CallListResource
{
    /// <summary>The calls, newest first.</summary>
    public required IReadOnlyList<CallResource> Calls { get; init; }

    /// <summary>The first page.</summary>
    public required string FirstPageUri { get; init; }

    /// <summary>The next page; null on the last.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? NextPageUri { get; init; }

    /// <summary>The previous page; null on the first.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? PreviousPageUri { get; init; }

    /// <summary>This page's number.</summary>
    public required int Page { get; init; }

    /// <summary>Records per page.</summary>
    public required int PageSize { get; init; }

    /// <summary>Index of the first record.</summary>
    public required int Start { get; init; }

    /// <summary>Index of the last record.</summary>
    public required int End { get; init; }

    /// <summary>This page.</summary>
    public required string Uri { get; init; }
}
