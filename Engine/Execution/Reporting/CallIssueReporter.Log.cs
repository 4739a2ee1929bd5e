using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Execution.Reporting;

internal sealed partial class CallIssueReporter
{
    [LoggerMessage(EventId = LogEventRange.Execution + 50, Level = LogLevel.Error,
        Message = "Error {Code}: {Message}{Request}")]
    private partial void LogError(int code, string message, string request);

    [LoggerMessage(EventId = LogEventRange.Execution + 51, Level = LogLevel.Warning,
        Message = "Warning {Code}: {Message}{Request}")]
    private partial void LogWarning(int code, string message, string request);

    [LoggerMessage(EventId = LogEventRange.Execution + 52, Level = LogLevel.Warning,
        Message = "Debugger notification {Code} not queued (callback queue full or stopped)")]
    private partial void LogDebuggerDropped(int code);
}
