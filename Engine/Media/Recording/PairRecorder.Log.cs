using Microsoft.Extensions.Logging;

namespace RcmlEngine.Media.Recording;

internal sealed partial class PairRecorder
{
    [LoggerMessage(EventId = MediaLogEvents.Recording + 5, Level = LogLevel.Information,
        Message = "Two-party recording stopped after {Seconds:0.0} s (dual {Dual}); {Dropped} samples dropped")]
    private partial void LogPairFinished(double seconds, bool dual, long dropped);
}
