using Microsoft.Extensions.Logging;

namespace RcmlEngine.Media.Speech;

internal sealed partial class SpeechRecognitionQueue
{
    [LoggerMessage(EventId = MediaLogEvents.Speech + 15, Level = LogLevel.Warning, Message = "Speech recognition queue full ({Capacity} waiting): an utterance was rejected")]
    private partial void LogRejected(int capacity);

    [LoggerMessage(EventId = MediaLogEvents.Speech + 16, Level = LogLevel.Error, Message = "The speech recognizer failed unexpectedly")]
    private partial void LogWorkerFailed(Exception exception);
}
