using Microsoft.Extensions.Logging;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Execution.Outbound;

internal sealed partial class OutboundCallLauncher
{
    [LoggerMessage(EventId = LogEventRange.Execution + 80, Level = LogLevel.Information,
        Message = "Outbound API call placed to a {Kind} party")]
    private partial void LogPlaced(DialTargetKind kind);

    // Debug: the interpreter writes the call's one summary line at Information.
    [LoggerMessage(EventId = LogEventRange.Execution + 81, Level = LogLevel.Debug,
        Message = "Outbound API call ended {Status} after {Duration} s")]
    private partial void LogEnded(CallStatus status, int duration);

    [LoggerMessage(EventId = LogEventRange.Execution + 82, Level = LogLevel.Error,
        Message = "Outbound API call failed unexpectedly")]
    private partial void LogFailed(Exception exception);
}
