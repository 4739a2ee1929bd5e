using Microsoft.Extensions.Logging;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Calls.ClickToCall;

// Parties are phone numbers or SIP identities: named at Trace only; the rest names the engine's CallSid.
internal sealed partial class ClickToCallService
{
    [LoggerMessage(EventId = LogEventRange.Calls + 80, Level = LogLevel.Trace,
        Message = "Click-to-call: ringing {Calling} to connect it to {Called}")]
    private partial void LogStarting(string calling, string called);

    [LoggerMessage(EventId = LogEventRange.Calls + 81, Level = LogLevel.Information,
        Message = "Click-to-call {CallSid}: ended {State} ({Mode}), SIP {SipCode}")]
    private partial void LogEnded(string? callSid, ClickToCallState state, ClickToCallMode mode, int? sipCode);

    [LoggerMessage(EventId = LogEventRange.Calls + 82, Level = LogLevel.Information,
        Message = "Click-to-call {CallSid}: the phone refused the transfer ({StatusCode}); the engine bridges the call")]
    private partial void LogReferRefused(string callSid, int statusCode);

    [LoggerMessage(EventId = LogEventRange.Calls + 83, Level = LogLevel.Information,
        Message = "Click-to-call {CallSid}: bridged by the engine with {BridgedCallSid}")]
    private partial void LogBridged(string callSid, string bridgedCallSid);

    [LoggerMessage(EventId = LogEventRange.Calls + 84, Level = LogLevel.Information,
        Message = "Click-to-call: the calling party ({Kind}) could not be called")]
    private partial void LogPlaceFailed(DialTargetKind kind);

    [LoggerMessage(EventId = LogEventRange.Calls + 85, Level = LogLevel.Error,
        Message = "Click-to-call {CallSid} failed")]
    private partial void LogSetupError(string? callSid, Exception exception);

    [LoggerMessage(EventId = LogEventRange.Calls + 86, Level = LogLevel.Debug,
        Message = "Click-to-call {CallSid}: the transferred phone reports {StatusCode} {ReasonPhrase} (final: {IsFinal})")]
    private partial void LogTransferProgress(string callSid, int statusCode, string reasonPhrase, bool isFinal);
}
