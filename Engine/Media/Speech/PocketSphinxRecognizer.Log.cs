using Microsoft.Extensions.Logging;

namespace RcmlEngine.Media.Speech;

internal sealed partial class PocketSphinxRecognizer
{
    [LoggerMessage(EventId = MediaLogEvents.Speech + 10, Level = LogLevel.Debug, Message = "Recognized {Seconds:0.0} s of speech ({Pass} pass): {Status}")]
    private partial void LogRecognized(double seconds, string pass, SpeechRecognitionStatus status);

    [LoggerMessage(EventId = MediaLogEvents.Speech + 11, Level = LogLevel.Warning, Message = "Speech recognition failed: {Problem}")]
    private partial void LogFailed(string problem);
}
