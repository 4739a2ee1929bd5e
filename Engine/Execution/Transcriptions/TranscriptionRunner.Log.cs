using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Execution.Transcriptions;

internal sealed partial class TranscriptionRunner
{
    [LoggerMessage(EventId = LogEventRange.Execution + 150, Level = LogLevel.Error,
        Message = "Transcription {TranscriptionSid}: ending it failed")]
    private partial void LogWatchFailed(string transcriptionSid, Exception exception);

    [LoggerMessage(EventId = LogEventRange.Execution + 151, Level = LogLevel.Warning,
        Message = "Transcription {TranscriptionSid}: {Count} utterances were dropped because recognition lagged behind")]
    private partial void LogDropped(string transcriptionSid, int count);
}
