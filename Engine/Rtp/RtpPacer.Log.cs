using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Rtp;

internal sealed partial class RtpPacer
{
    [LoggerMessage(EventId = LogEventRange.Rtp + 1, Level = LogLevel.Debug, Message = "RTP pacer thread started, scheduling {Scheduling}")]
    private partial void LogStarted(string scheduling);

    [LoggerMessage(EventId = LogEventRange.Rtp + 2, Level = LogLevel.Error, Message = "RTP stream {Stream} failed on a pacer tick; its later failures are not logged")]
    private partial void LogTickFailed(Exception exception, int stream);
}
