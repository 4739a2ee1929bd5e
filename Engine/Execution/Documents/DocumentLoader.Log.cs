using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Execution.Documents;

internal sealed partial class DocumentLoader
{
    [LoggerMessage(EventId = LogEventRange.Execution + 10, Level = LogLevel.Debug,
        Message = "Document {Url} loaded: {Verbs} verbs (document {Count} of the call)")]
    private partial void LogLoaded(string url, int verbs, int count);

    [LoggerMessage(EventId = LogEventRange.Execution + 11, Level = LogLevel.Information,
        Message = "Trying the fallback URL {Url} after error {ErrorCode}")]
    private partial void LogFallback(string url, int errorCode);
}
