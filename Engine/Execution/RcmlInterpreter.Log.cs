using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Execution;

internal sealed partial class RcmlInterpreter
{
    [LoggerMessage(EventId = LogEventRange.Execution + 0, Level = LogLevel.Information,
        Message = "Call started; application at {Host}")]
    private partial void LogStarted(string host);

    [LoggerMessage(EventId = LogEventRange.Execution + 1, Level = LogLevel.Information,
        Message = "Call ended {Status} ({Reason}) after {Duration} s: {Documents}, {Verbs}, {Errors}")]
    private partial void LogEnded(string status, string reason, int duration, Counted documents, Counted verbs, Counted errors);

    [LoggerMessage(EventId = LogEventRange.Execution + 2, Level = LogLevel.Information,
        Message = "Running <{Verb}> at {Line}:{Column}")]
    private partial void LogVerb(string verb, int line, int column);

    [LoggerMessage(EventId = LogEventRange.Execution + 3, Level = LogLevel.Warning,
        Message = "No usable document from the application or its fallback: the caller hears the apology")]
    private partial void LogApology();

    [LoggerMessage(EventId = LogEventRange.Execution + 4, Level = LogLevel.Error,
        Message = "The call's run failed unexpectedly; hanging up")]
    private partial void LogCrashed(Exception exception);

    [LoggerMessage(EventId = LogEventRange.Execution + 70, Level = LogLevel.Information,
        Message = "Call redirected to {Target}")]
    private partial void LogRedirected(string target);
}
