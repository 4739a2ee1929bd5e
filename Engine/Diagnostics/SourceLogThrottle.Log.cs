using System.Net;
using Microsoft.Extensions.Logging;

namespace RcmlEngine.Diagnostics;

internal sealed partial class SourceLogThrottle
{
    [LoggerMessage(EventId = LogEventRange.Diagnostics + 1, Level = LogLevel.Warning,
        Message = "More than {Limit} log lines a minute about {Source}: further ones are suppressed until the minute ends")]
    private static partial void LogSuppressing(ILogger logger, IPAddress source, int limit);

    [LoggerMessage(EventId = LogEventRange.Diagnostics + 2, Level = LogLevel.Warning, Message = "{Count} about {Source} suppressed")]
    private static partial void LogSuppressed(ILogger logger, IPAddress source, Counted count);
}
