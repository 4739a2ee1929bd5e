using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Execution.Streams;

internal sealed partial class MediaStreamRunner
{
    [LoggerMessage(EventId = LogEventRange.Execution + 130, Level = LogLevel.Error,
        Message = "Stream {StreamSid}: ending it failed")]
    private partial void LogWatchFailed(string streamSid, Exception exception);
}
