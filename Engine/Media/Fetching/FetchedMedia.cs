namespace RcmlEngine.Media.Fetching;

/// <summary>A fetched media body on local disk.</summary>
/// <param name="Path">The file holding the body.</param>
/// <param name="ContentType">The Content-Type the server gave, if any.</param>
/// <param name="ContentHash">SHA-256 of the body (hex), a key for what is derived from it.</param>
/// <param name="FromCache">True when no body was downloaded (fresh in cache, or 304 Not Modified).</param>
internal sealed record FetchedMedia(string Path, string? ContentType, string ContentHash, bool FromCache);
