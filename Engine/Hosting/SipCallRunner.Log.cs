using Microsoft.Extensions.Logging;
using RcmlEngine.Calls;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Hosting;

internal sealed partial class SipCallRunner
{
    [LoggerMessage(EventId = LogEventRange.Hosting, Level = LogLevel.Information,
        Message = "INVITE {SipCallId}: no application takes its Request-URI user; answered 404")]
    private partial void LogNoRoute(string sipCallId);

    // The user may be a phone number: Trace only.
    [LoggerMessage(EventId = LogEventRange.Hosting + 5, Level = LogLevel.Trace, Message = "INVITE {SipCallId}: unrouted user '{User}'")]
    private partial void LogNoRouteUser(string sipCallId, string user);

    [LoggerMessage(EventId = LogEventRange.Hosting + 1, Level = LogLevel.Warning, Message = "Call refused with 503: {Reason}")]
    private partial void LogNoMedia(string reason);

    [LoggerMessage(EventId = LogEventRange.Hosting + 2, Level = LogLevel.Information, Message = "Call for {Application} started (SIP Call-ID {SipCallId})")]
    private partial void LogCallStarted(string application, string sipCallId);

    // Debug: the interpreter writes the call's one summary line at Information.
    [LoggerMessage(EventId = LogEventRange.Hosting + 3, Level = LogLevel.Debug,
        Message = "Call for {Application} {Status}: {DurationSeconds} s, {Documents}, {Verbs}, {Errors}")]
    private partial void LogCallEnded(string application, CallStatus status, int durationSeconds, Counted documents, Counted verbs, Counted errors);

    [LoggerMessage(EventId = LogEventRange.Hosting + 4, Level = LogLevel.Information, Message = "Stopping: hanging up {Calls}")]
    private partial void LogHangingUp(Counted calls);

    [LoggerMessage(EventId = LogEventRange.Hosting + 6, Level = LogLevel.Information,
        Message = "Call for {Application} hung up by the shutdown after {DurationSeconds} s")]
    private partial void LogCallStopped(string application, int durationSeconds);
}
