using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Notifications.Redis;

internal sealed partial class RedisNotificationSink
{
    [LoggerMessage(EventId = LogEventRange.Notifications + 10, Level = LogLevel.Warning,
        Message = "Redis did not take {Count} notifications ({Reason}); they are kept and retried in order")]
    private partial void LogPushFailed(int count, string reason);

    [LoggerMessage(EventId = LogEventRange.Notifications + 11, Level = LogLevel.Debug,
        Message = "Redis did not take {Count} notifications at attempt {Attempt} ({Reason})")]
    private partial void LogPushRetryFailed(int count, int attempt, string reason);

    [LoggerMessage(EventId = LogEventRange.Notifications + 12, Level = LogLevel.Information,
        Message = "Redis takes notifications again after {Failures} failed attempts")]
    private partial void LogPushResumed(int failures);

    [LoggerMessage(EventId = LogEventRange.Notifications + 13, Level = LogLevel.Information,
        Message = "{Count} notifications left unsent by a previous run are pushed first")]
    private partial void LogRecovered(int count);

    [LoggerMessage(EventId = LogEventRange.Notifications + 14, Level = LogLevel.Error,
        Message = "Notification store failed to {Operation} {Count} messages ({Reason}); they are kept in memory only")]
    private partial void LogStoreFailed(string operation, int count, string reason);

    [LoggerMessage(EventId = LogEventRange.Notifications + 15, Level = LogLevel.Error,
        Message = "A {Type} notification was dropped: {Reason}")]
    private partial void LogDropped(string type, string reason);

    [LoggerMessage(EventId = LogEventRange.Notifications + 16, Level = LogLevel.Error,
        Message = "The Redis notification loop failed ({Reason}); it goes on")]
    private partial void LogLoopFailed(string reason);
}
