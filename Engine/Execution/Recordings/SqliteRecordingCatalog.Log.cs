using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Execution.Recordings;

internal sealed partial class SqliteRecordingCatalog
{
    [LoggerMessage(EventId = LogEventRange.Execution + 90, Level = LogLevel.Error,
        Message = "Recording {RecordingSid} of call {CallSid} could not be catalogued")]
    private partial void LogSaveFailed(Exception exception, string recordingSid, string callSid);

    [LoggerMessage(EventId = LogEventRange.Execution + 91, Level = LogLevel.Warning,
        Message = "Recording file {Path} could not be deleted")]
    private partial void LogFileNotDeleted(Exception exception, string path);
}
