using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Execution.Recordings;

internal sealed partial class RecordingTranscriber
{
    [LoggerMessage(EventId = LogEventRange.Execution + 130, Level = LogLevel.Information,
        Message = "Transcription of recording {RecordingSid}: {Status} ({Recognition})")]
    private partial void LogTranscribed(string recordingSid, string status, RcmlEngine.Media.Speech.SpeechRecognitionStatus recognition);
}
