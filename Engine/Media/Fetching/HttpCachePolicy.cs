using System.Net.Http.Headers;

namespace RcmlEngine.Media.Fetching;

/// <summary>How long a response may be reused, from its caching headers (RFC 9111 4.2, 5.2.2).</summary>
internal static class HttpCachePolicy
{
    // RFC 9111 4.2.2: a heuristic freshness of 10% of the time since Last-Modified, capped here at a day.
    private static readonly TimeSpan MaxHeuristic = TimeSpan.FromDays(1);

    /// <summary>True when the response must not be stored at all (<c>no-store</c>).</summary>
    public static bool IsNoStore(HttpResponseMessage response) => response.Headers.CacheControl?.NoStore == true;

    /// <summary>Until when the response is fresh: max-age (less Age), else Expires, else the heuristic; now when it must be revalidated.</summary>
    public static DateTimeOffset FreshUntil(HttpResponseMessage response, DateTimeOffset now)
    {
        var control = response.Headers.CacheControl;
        if (control is { NoCache: true } || control?.MustRevalidate == true && control.MaxAge is null)
        {
            return now;
        }

        if (control?.MaxAge is { } maxAge)
        {
            var age = response.Headers.Age ?? TimeSpan.Zero;
            return now + (maxAge > age ? maxAge - age : TimeSpan.Zero);
        }

        if (response.Content.Headers.Expires is { } expires)
        {
            var date = response.Headers.Date ?? now;
            return expires > date ? now + (expires - date) : now;
        }

        if (response.Content.Headers.LastModified is { } modified && modified < now)
        {
            var heuristic = TimeSpan.FromTicks((now - modified).Ticks / 10);
            return now + (heuristic < MaxHeuristic ? heuristic : MaxHeuristic);
        }

        return now;
    }

    /// <summary>Adds If-None-Match / If-Modified-Since for a cached entry.</summary>
    public static void AddValidators(HttpRequestMessage request, MediaCacheEntry entry)
    {
        if (entry.ETag is not null && EntityTagHeaderValue.TryParse(entry.ETag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (entry.LastModified is { } modified)
        {
            request.Headers.IfModifiedSince = modified;
        }
    }
}
