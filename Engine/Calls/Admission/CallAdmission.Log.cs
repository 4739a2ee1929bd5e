using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Calls.Admission;

internal sealed partial class CallAdmission
{
    [LoggerMessage(EventId = LogEventRange.Calls + 60, Level = LogLevel.Warning,
        Message = "Shedding new calls (503 + Retry-After): {Reason}; {InProgress} call(s) in progress go on")]
    private partial void LogSheddingStarted(string reason, int inProgress);

    [LoggerMessage(EventId = LogEventRange.Calls + 61, Level = LogLevel.Warning,
        Message = "Shedding stopped: {Count} new call(s) were refused")]
    private partial void LogSheddingStopped(long count);
}
