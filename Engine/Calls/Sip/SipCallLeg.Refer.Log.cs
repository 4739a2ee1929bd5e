using Microsoft.Extensions.Logging;
using RcmlEngine.Calls.Transfers;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Calls.Sip;

internal abstract partial class SipCallLeg
{
    [LoggerMessage(EventId = LogEventRange.Calls + 70, Level = LogLevel.Information,
        Message = "Call {CallSid}: REFER answered {StatusCode}")]
    private partial void LogReferAnswered(string callSid, int statusCode);

    [LoggerMessage(EventId = LogEventRange.Calls + 71, Level = LogLevel.Information,
        Message = "Call {CallSid}: transfer ended {Status} (last NOTIFY {NotifyStatusCode})")]
    private partial void LogReferEnded(string callSid, ReferCallStatus status, int notifyStatusCode);
}
