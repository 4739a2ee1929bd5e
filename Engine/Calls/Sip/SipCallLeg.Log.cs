using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Media.Sessions;
using RcmlEngine.Sdp;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Calls.Sip;

internal abstract partial class SipCallLeg
{
    // Debug: the interpreter's summary is the call's one end line at Information (a Dial leg's, the Dial's outcome line).
    [LoggerMessage(EventId = LogEventRange.Calls, Level = LogLevel.Debug,
        Message = "Call {CallSid} ended: {Reason}, {Status}, {DurationSeconds} s")]
    private partial void LogEnded(string callSid, CallEndReason reason, CallStatus status, int durationSeconds);

    [LoggerMessage(EventId = LogEventRange.Calls + 1, Level = LogLevel.Debug,
        Message = "Call {CallSid}: the dialog ended ({Reason}, {StatusCode})")]
    private partial void LogSignallingEnded(string callSid, SipCallEndReason reason, int statusCode);

    [LoggerMessage(EventId = LogEventRange.Calls + 2, Level = LogLevel.Warning,
        Message = "Call {CallSid}: media lost ({Reason}); hanging up")]
    private partial void LogMediaLost(string callSid, MediaEndReason reason);

    [LoggerMessage(EventId = LogEventRange.Calls + 3, Level = LogLevel.Information,
        Message = "Call {CallSid}: re-INVITE answered, now {Direction}")]
    private partial void LogReInvited(string callSid, SdpDirection direction);

    [LoggerMessage(EventId = LogEventRange.Calls + 4, Level = LogLevel.Warning,
        Message = "Call {CallSid}: re-INVITE offer refused: {Error}")]
    private partial void LogReInviteRefused(string callSid, string error);

    [LoggerMessage(EventId = LogEventRange.Calls + 5, Level = LogLevel.Warning,
        Message = "Call {CallSid}: a prompt could not be played ({ErrorCode}): {Error}")]
    private partial void LogPromptFailed(string callSid, int errorCode, string error);

    [LoggerMessage(EventId = LogEventRange.Calls + 6, Level = LogLevel.Information,
        Message = "Call {CallSid}: answered ({Codec})")]
    protected partial void LogAnswered(string callSid, string codec);

    [LoggerMessage(EventId = LogEventRange.Calls + 7, Level = LogLevel.Warning,
        Message = "Call {CallSid}: SDP not acceptable ({Error}); answered {StatusCode}")]
    protected partial void LogOfferRefused(string callSid, string error, int statusCode);

    [LoggerMessage(EventId = LogEventRange.Calls + 8, Level = LogLevel.Information,
        Message = "Call {CallSid} bridged with {OtherCallSid}")]
    private partial void LogBridged(string callSid, string otherCallSid);

    [LoggerMessage(EventId = LogEventRange.Calls + 9, Level = LogLevel.Information,
        Message = "Call {CallSid}: outbound leg {Status} ({SipStatusCode} {Reason})")]
    protected partial void LogDialed(string callSid, DialStatus status, int sipStatusCode, string reason);

    [LoggerMessage(EventId = LogEventRange.Calls + 10, Level = LogLevel.Information,
        Message = "Call {CallSid}: the phone asks to transfer the call (REFER)")]
    private partial void LogTransferAsked(string callSid);
}
