using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Webhooks.Callbacks;

internal sealed partial class SqliteCallbackStore
{
    [LoggerMessage(EventId = LogEventRange.Webhooks + 40, Level = LogLevel.Debug, Message = "Callback store opened at {Path}")]
    private partial void LogOpened(string path);

    [LoggerMessage(EventId = LogEventRange.Webhooks + 41, Level = LogLevel.Error,
        Message = "Callback store row {Id} is unreadable (bad URL or method) and was removed")]
    private partial void LogUnreadableRow(long id);
}
