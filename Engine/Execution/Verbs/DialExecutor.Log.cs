using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Execution.Verbs;

internal sealed partial class DialExecutor
{
    [LoggerMessage(EventId = LogEventRange.Execution + 60, Level = LogLevel.Information,
        Message = "Dial: {Parties}, {Legs} ringing")]
    private partial void LogDialing(Counted parties, Counted legs);

    [LoggerMessage(EventId = LogEventRange.Execution + 61, Level = LogLevel.Information,
        Message = "Dial bridged with {DialCallSid}")]
    private partial void LogBridged(string dialCallSid);

    [LoggerMessage(EventId = LogEventRange.Execution + 62, Level = LogLevel.Information,
        Message = "Dial ended {DialCallStatus} (leg {DialCallSid})")]
    private partial void LogDialEnded(string dialCallStatus, string dialCallSid);

    [LoggerMessage(EventId = LogEventRange.Execution + 65, Level = LogLevel.Information,
        Message = "Dial ended {DialCallStatus} (no leg was placed)")]
    private partial void LogDialEndedWithoutLeg(string dialCallStatus);

    // The error can name a number or a client: Trace only.
    [LoggerMessage(EventId = LogEventRange.Execution + 63, Level = LogLevel.Trace,
        Message = "Dial party <{Element}> cannot be called: {Error}")]
    private partial void LogUnavailable(string element, string error);

    [LoggerMessage(EventId = LogEventRange.Execution + 64, Level = LogLevel.Warning,
        Message = "Dial <{Element}>: parameter '{Name}' not sent: {Reason}")]
    private partial void LogParameterSkipped(string element, string name, string reason);
}
