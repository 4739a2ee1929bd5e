using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Calls.Records;

internal sealed partial class CallRecordKeeper
{
    [LoggerMessage(EventId = LogEventRange.Calls + 45, Level = LogLevel.Error,
        Message = "Call record {CallSid} ({CallStatus}) could not be saved")]
    private partial void LogWriteFailed(Exception exception, string callSid, string callStatus);

    [LoggerMessage(EventId = LogEventRange.Calls + 46, Level = LogLevel.Warning,
        Message = "Stopping: {Count} call record(s) may not have been saved in time")]
    private partial void LogFlushAbandoned(int count);
}
