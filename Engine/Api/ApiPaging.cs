using System.Globalization;
using System.Text;

namespace RcmlEngine.Api;

/// <summary>
/// A list request's paging (<c>PageSize</c> default 50, at most 1,000; <c>Page</c>; <c>PageToken</c>) and
/// the URIs of Twilio's list answers, host-relative, carrying the request's filters.
/// </summary>
/// <param name="PageSize">Records per page.</param>
/// <param name="Page">The page number, 0-based.</param>
/// <param name="PageToken">The token of a previous answer's next or previous page; null for the first.</param>
internal sealed record ApiPaging(int PageSize, int Page, string? PageToken)
{
    /// <summary>Records per page when none is asked for.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The most records per page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Reads the paging of <paramref name="query"/>; an error message naming the parameter when it is not usable.</summary>
    public static (ApiPaging? Paging, string? Error) Read(ApiForm query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var size = DefaultPageSize;
        if (query["PageSize"] is { } sizeText && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1))
        {
            return (null, $"PageSize must be a whole number from 1 to {MaxPageSize}, not '{sizeText}'");
        }

        var page = 0;
        if (query["Page"] is { } pageText && !int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page))
        {
            return (null, $"Page must be a whole number from 0, not '{pageText}'");
        }

        var token = query["PageToken"] is { Length: > 0 } given ? given : null;
        return (new ApiPaging(Math.Min(size, MaxPageSize), page, token), null);
    }

    /// <summary>
    /// The URI of a page of <paramref name="path"/> with <paramref name="filters"/> (the request's own
    /// filter parameters, in order), this page size, <paramref name="page"/> and <paramref name="token"/>.
    /// </summary>
    public string UriOf(string path, IEnumerable<KeyValuePair<string, string>> filters, int page, string? token)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var uri = new StringBuilder(path).Append('?');
        foreach (var (name, value) in filters)
        {
            uri.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        }

        uri.Append(CultureInfo.InvariantCulture, $"PageSize={PageSize}&Page={page}");
        if (token is not null)
        {
            uri.Append("&PageToken=").Append(Uri.EscapeDataString(token));
        }

        return uri.ToString();
    }

    /// <summary>
    /// This page of <paramref name="all"/>, a list held in memory (rooms, participants), with tokens for the
    /// pages around it; <see cref="Page"/> places it, the tokens only mark that a neighbour exists.
    /// </summary>
    public (IReadOnlyList<T> Items, string? NextToken, string? PreviousToken) Slice<T>(IReadOnlyList<T> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var start = (long)Page * PageSize;
        var items = start >= all.Count ? [] : all.Skip((int)start).Take(PageSize).ToList();
        var next = start + PageSize < all.Count ? string.Create(CultureInfo.InvariantCulture, $"PN{Page + 1}") : null;
        var previous = Page > 0 ? string.Create(CultureInfo.InvariantCulture, $"PP{Page - 1}") : null;
        return (items, next, previous);
    }

    /// <summary>
    /// <paramref name="list"/> with the paging fields of this page (of <paramref name="count"/>
    /// records, with the store's next and previous tokens) of <paramref name="path"/>.
    /// </summary>
    public TList Fill<TList>(TList list, string path, IReadOnlyList<KeyValuePair<string, string>> filters, int count, string? nextToken, string? previousToken)
        where TList : ApiListResource
    {
        ArgumentNullException.ThrowIfNull(list);
        var start = Page * PageSize;
        return (TList)(list with
        {
            FirstPageUri = UriOf(path, filters, 0, null),
            NextPageUri = nextToken is null ? null : UriOf(path, filters, Page + 1, nextToken),
            PreviousPageUri = previousToken is null ? null : UriOf(path, filters, Math.Max(Page - 1, 0), previousToken),
            Page = Page,
            PageSize = PageSize,
            Start = start,
            End = start + Math.Max(count - 1, 0),
            Uri = UriOf(path, filters, Page, PageToken),
        });
    }
}
