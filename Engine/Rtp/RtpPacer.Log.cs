using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Rtp;

internal sealed partial class RtpPacer
{
    [LoggerMessage(EventId = LogEventRange.Rtp + 1, Level = LogLevel.Debug, Message = "RTP pacer thread started (nice {Nice})")]
    private partial void LogStarted(int nice);

    [LoggerMessage(EventId = LogEventRange.Rtp + 2, Level = LogLevel.Error, Message = "RTP stream {Stream} failed on a pacer tick; its later failures are not logged")]
    private partial void LogTickFailed(Exception exception, int stream);
}
