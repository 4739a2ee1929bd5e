using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Webhooks.Callbacks;

internal sealed partial class CallbackDispatcher
{
    [LoggerMessage(EventId = LogEventRange.Webhooks + 20, Level = LogLevel.Error,
        Message = "Callback of {CallSid} to {Url} dropped: {Reason}")]
    private partial void LogDropped(string callSid, string url, string reason);

    [LoggerMessage(EventId = LogEventRange.Webhooks + 21, Level = LogLevel.Error,
        Message = "Callback of {CallSid} to {Url} given up after {Attempts} failed deliveries: {Reason}")]
    private partial void LogGaveUp(string callSid, string url, int attempts, string reason);

    [LoggerMessage(EventId = LogEventRange.Webhooks + 22, Level = LogLevel.Information,
        Message = "Callback of {CallSid} to {Url} failed {Attempts} times; next delivery in {DelayMs:0} ms")]
    private partial void LogRedelivery(string callSid, string url, int attempts, double delayMs);

    [LoggerMessage(EventId = LogEventRange.Webhooks + 23, Level = LogLevel.Information,
        Message = "Recovered {Count} undelivered callbacks from the store ({Remaining} more wait for a later start)")]
    private partial void LogRecovered(int count, long remaining);

    [LoggerMessage(EventId = LogEventRange.Webhooks + 24, Level = LogLevel.Error,
        Message = "Callback store could not {Operation} {Count} callbacks")]
    private partial void LogStoreFailed(string operation, int count, Exception exception);

    [LoggerMessage(EventId = LogEventRange.Webhooks + 25, Level = LogLevel.Error,
        Message = "Callback of {CallSid} could not be sent")]
    private partial void LogSendCrashed(string callSid, Exception exception);

    [LoggerMessage(EventId = LogEventRange.Webhooks + 26, Level = LogLevel.Error,
        Message = "Callback of {CallSid} dropped: its delivery failed unexpectedly; the call's later callbacks go on")]
    private partial void LogDeliveryCrashed(string callSid, Exception exception);
}
