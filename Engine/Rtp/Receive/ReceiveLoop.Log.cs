using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Rtp.Receive;

internal sealed partial class ReceiveLoop
{
    [LoggerMessage(EventId = LogEventRange.Rtp + 3, Level = LogLevel.Error, Message = "An RTP receiver failed; its later failures are not logged")]
    private partial void LogReceiveFailed(Exception exception);
}
