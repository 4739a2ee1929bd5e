using System.Net;
using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Sip.Transport;

internal sealed partial class SipTransportLayer
{
    private static partial class Log
    {
        [LoggerMessage(EventId = LogEventRange.Sip + 1, Level = LogLevel.Information, Message = "SIP listening on {Transport} {EndPoint}")]
        public static partial void Listening(ILogger logger, SipTransportKind transport, IPEndPoint endPoint);

        [LoggerMessage(EventId = LogEventRange.Sip + 2, Level = LogLevel.Information, Message = "SIP message from {Source} dropped: {Reason}")]
        public static partial void Dropped(ILogger logger, SipRemote source, string reason);

        [LoggerMessage(EventId = LogEventRange.Sip + 3, Level = LogLevel.Information, Message = "SIP request from {Source} answered {Status}: {Reason}")]
        public static partial void AnsweredBadRequest(ILogger logger, int status, SipRemote source, string reason);

        [LoggerMessage(EventId = LogEventRange.Sip + 4, Level = LogLevel.Warning, Message = "SIP receive queue full; message from {Source} dropped")]
        public static partial void QueueFull(ILogger logger, SipRemote source);

        [LoggerMessage(EventId = LogEventRange.Sip + 5, Level = LogLevel.Information, Message = "SIP transport refused {Source}: {Reason}")]
        public static partial void TransportRejected(ILogger logger, SipRemote source, string reason);

        [LoggerMessage(EventId = LogEventRange.Sip + 6, Level = LogLevel.Debug, Message = "SIP send to {Target} failed: {Reason}")]
        public static partial void SendFailed(ILogger logger, SipRemote target, string reason);

        [LoggerMessage(EventId = LogEventRange.Sip + 7, Level = LogLevel.Error, Message = "SIP message from {Source} made the handler fail")]
        public static partial void HandlerFailed(ILogger logger, Exception exception, SipRemote source);

        [LoggerMessage(EventId = LogEventRange.Sip + 8, Level = LogLevel.Trace, Message = "SIP {Method} sent to {Target}")]
        public static partial void Sent(ILogger logger, string method, SipRemote target);
    }
}
