using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Webhooks.Callbacks;

internal sealed partial class CallbackSender
{
    [LoggerMessage(EventId = LogEventRange.Webhooks + 10, Level = LogLevel.Debug,
        Message = "Callback to {Url} delivered: HTTP {Status} (attempts: {Attempts})")]
    private partial void LogCallbackDelivered(string url, int status, int attempts);

    [LoggerMessage(EventId = LogEventRange.Webhooks + 11, Level = LogLevel.Warning,
        Message = "Callback to {Url} failed with {ErrorCode}: {Reason} (attempts: {Attempts}, will retry: {Transient})")]
    private partial void LogCallbackFailed(string url, int errorCode, string reason, int attempts, bool transient);
}
