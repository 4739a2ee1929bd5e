using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Calls.Records;

internal sealed partial class SqliteCallRecordStore
{
    [LoggerMessage(EventId = LogEventRange.Calls + 41, Level = LogLevel.Error,
        Message = "Call record {CallSid} is unreadable (unknown direction or status) and was skipped")]
    private partial void LogUnreadableRow(string callSid);
}
