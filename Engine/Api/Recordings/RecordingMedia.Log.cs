using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Api.Recordings;

internal sealed partial class RecordingMedia
{
    [LoggerMessage(EventId = LogEventRange.Api + 10, Level = LogLevel.Warning, Message = "ffmpeg could not convert a recording to MP3 (exit {ExitCode}): {Error}")]
    private partial void LogEncodeFailed(int exitCode, string error);
}
