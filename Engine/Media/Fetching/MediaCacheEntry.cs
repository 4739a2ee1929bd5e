namespace RcmlEngine.Media.Fetching;

/// <summary>What the cache remembers about a fetched URL, next to its body (<c>&lt;key&gt;.json</c>).</summary>
internal sealed record MediaCacheEntry
{
    /// <summary>The URL fetched.</summary>
    public required string Url { get; init; }

    /// <summary>The response's ETag, for If-None-Match.</summary>
    public string? ETag { get; init; }

    /// <summary>The response's Last-Modified, for If-Modified-Since.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>Until when the body may be used without asking the server again.</summary>
    public DateTimeOffset FreshUntil { get; init; }

    /// <summary>The response's Content-Type.</summary>
    public string? ContentType { get; init; }

    /// <summary>SHA-256 of the body, hex: names what was decoded from it.</summary>
    public required string ContentHash { get; init; }
}
