using Microsoft.Extensions.Logging;

namespace RcmlEngine.Media.Decoding;

internal sealed partial class FfmpegDecoder
{
    [LoggerMessage(EventId = MediaLogEvents.Decoding, Level = LogLevel.Debug, Message = "Decoded {Description} with ffmpeg")]
    private partial void LogDecoded(string description);
}
