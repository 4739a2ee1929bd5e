using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.Transactions;

internal sealed partial class SipTransactionLayer
{
    private static partial class Log
    {
        [LoggerMessage(EventId = LogEventRange.Sip + 100, Level = LogLevel.Information, Message = "SIP {Status} response from {Source} dropped: {Reason}")]
        public static partial void ResponseDropped(ILogger logger, int status, SipRemote source, string reason);

        [LoggerMessage(EventId = LogEventRange.Sip + 101, Level = LogLevel.Information, Message = "SIP {Method} from {Source} has no usable Via or CSeq")]
        public static partial void RequestWithoutKey(ILogger logger, string method, SipRemote source);

        [LoggerMessage(EventId = LogEventRange.Sip + 102, Level = LogLevel.Debug, Message = "SIP send to {Target} failed: {Reason}")]
        public static partial void SendFailed(ILogger logger, SipRemote target, string reason);
    }
}
