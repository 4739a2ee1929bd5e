using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Webhooks.Fetching;

internal sealed partial class DocumentFetcher
{
    [LoggerMessage(EventId = LogEventRange.Webhooks + 0, Level = LogLevel.Information,
        Message = "Fetched {Method} {Url}: HTTP {Status}, {Bytes} bytes in {ElapsedMs:0} ms")]
    private partial void LogFetched(string method, string url, int status, int bytes, double elapsedMs);

    [LoggerMessage(EventId = LogEventRange.Webhooks + 1, Level = LogLevel.Warning,
        Message = "Fetch of {Url} failed with {ErrorCode}: {Reason} (attempts: {Attempts})")]
    private partial void LogFetchFailed(string url, int errorCode, string reason, int attempts);
}
