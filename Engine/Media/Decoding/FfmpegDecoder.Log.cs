using Microsoft.Extensions.Logging;

namespace RcmlEngine.Media.Decoding;

internal sealed partial class FfmpegDecoder
{
    [LoggerMessage(EventId = MediaLogEvents.Decoding, Level = LogLevel.Debug, Message = "Decoded {Description} ({Format}) with ffmpeg")]
    private partial void LogDecoded(string description, string format);

    [LoggerMessage(EventId = MediaLogEvents.Decoding + 1, Level = LogLevel.Warning,
        Message = "{Description} is longer than Media:MaxDecodedDuration ({Limit}); only its beginning is played")]
    private partial void LogCapped(string description, TimeSpan limit);
}
