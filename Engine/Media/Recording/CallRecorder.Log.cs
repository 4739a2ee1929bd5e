using Microsoft.Extensions.Logging;

namespace RcmlEngine.Media.Recording;

internal sealed partial class CallRecorder
{
    [LoggerMessage(EventId = MediaLogEvents.Recording, Level = LogLevel.Information,
        Message = "Recording stopped ({End}) after {Seconds:0.0} s of audio; {Dropped} samples dropped")]
    private partial void LogFinished(RecordingEnd end, double seconds, long dropped);
}
