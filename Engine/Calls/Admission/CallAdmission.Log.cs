using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Calls.Admission;

internal sealed partial class CallAdmission
{
    [LoggerMessage(EventId = LogEventRange.Calls + 60, Level = LogLevel.Warning,
        Message = "Shedding new calls (503 + Retry-After): {Reason}; {InProgress} in progress go on")]
    private partial void LogSheddingStarted(string reason, Counted inProgress);

    [LoggerMessage(EventId = LogEventRange.Calls + 61, Level = LogLevel.Warning,
        Message = "Shedding stopped: {Count} refused")]
    private partial void LogSheddingStopped(Counted count);
}
