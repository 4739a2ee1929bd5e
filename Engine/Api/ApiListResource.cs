using System.Text.Json.Serialization;

namespace RcmlEngine.Api;

/// <summary>The paging fields of every Twilio list answer; each resource's list adds its records under its own name.</summary>
internal abstract record ApiListResource
{
    /// <summary>The first page.</summary>
    public string FirstPageUri { get; init; } = string.Empty;

    /// <summary>The next page; null on the last.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? NextPageUri { get; init; }

    /// <summary>The previous page; null on the first.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? PreviousPageUri { get; init; }

    /// <summary>This page's number.</summary>
    public int Page { get; init; }

    /// <summary>Records per page.</summary>
    public int PageSize { get; init; }

    /// <summary>Index of the first record.</summary>
    public int Start { get; init; }

    /// <summary>Index of the last record.</summary>
    public int End { get; init; }

    /// <summary>This page.</summary>
    public string Uri { get; init; } = string.Empty;
}
