using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Sip.UserAgent;

internal sealed partial class SipStack
{
    private static partial class Log
    {
        [LoggerMessage(EventId = LogEventRange.Sip + 200, Level = LogLevel.Information, Message = "SIP {Method} rejected with {Status} {Reason}")]
        public static partial void RequestRejected(Microsoft.Extensions.Logging.ILogger logger, string method, int status, string reason);

        [LoggerMessage(EventId = LogEventRange.Sip + 201, Level = LogLevel.Information, Message = "SIP INVITE {CallId} challenged: {Verdict}")]
        public static partial void Challenged(Microsoft.Extensions.Logging.ILogger logger, string callId, Auth.DigestServer.Verdict verdict);

        [LoggerMessage(EventId = LogEventRange.Sip + 202, Level = LogLevel.Error, Message = "SIP handler failed for call {CallId}")]
        public static partial void HandlerFailed(Microsoft.Extensions.Logging.ILogger logger, Exception exception, string callId);

        [LoggerMessage(EventId = LogEventRange.Sip + 204, Level = LogLevel.Information, Message = "SIP {Method} from {Source} refused with {Status}")]
        public static partial void SourceRefused(Microsoft.Extensions.Logging.ILogger logger, string method, System.Net.IPAddress source, int status);

        [LoggerMessage(EventId = LogEventRange.Sip + 203, Level = LogLevel.Debug, Message = "SIP {Method} answered {Status}: retrying with credentials")]
        public static partial void Authenticating(Microsoft.Extensions.Logging.ILogger logger, string method, int status);
    }
}
