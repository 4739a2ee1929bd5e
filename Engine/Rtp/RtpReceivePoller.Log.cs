using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Rtp;

internal sealed partial class RtpReceivePoller
{
    [LoggerMessage(EventId = LogEventRange.Rtp + 3, Level = LogLevel.Error, Message = "An RTP receiver failed; its later failures are not logged")]
    private partial void LogReceiveFailed(Exception exception);
}
