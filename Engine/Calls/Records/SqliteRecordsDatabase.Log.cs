using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Calls.Records;

internal sealed partial class SqliteRecordsDatabase
{
    [LoggerMessage(EventId = LogEventRange.Calls + 40, Level = LogLevel.Debug, Message = "Records store opened at {Path}")]
    private partial void LogOpened(string path);
}
