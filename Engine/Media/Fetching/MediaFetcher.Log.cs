using Microsoft.Extensions.Logging;

namespace RcmlEngine.Media.Fetching;

internal sealed partial class MediaFetcher
{
    [LoggerMessage(EventId = MediaLogEvents.Fetching, Level = LogLevel.Debug, Message = "Media {Url} is fresh in the cache")]
    private partial void LogFresh(string url);

    [LoggerMessage(EventId = MediaLogEvents.Fetching + 1, Level = LogLevel.Debug, Message = "Media {Url} not modified; the cached body is reused")]
    private partial void LogNotModified(string url);

    [LoggerMessage(EventId = MediaLogEvents.Fetching + 2, Level = LogLevel.Information, Message = "Fetched media {Url}: {Bytes} bytes (no-store: {NoStore})")]
    private partial void LogDownloaded(string url, long bytes, bool noStore);
}
