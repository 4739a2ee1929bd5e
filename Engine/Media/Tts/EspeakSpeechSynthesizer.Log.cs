using Microsoft.Extensions.Logging;

namespace RcmlEngine.Media.Tts;

internal sealed partial class EspeakSpeechSynthesizer
{
    [LoggerMessage(EventId = MediaLogEvents.Speech, Level = LogLevel.Debug, Message = "Speech in voice {Voice} found in the cache")]
    private partial void LogCached(string voice);

    [LoggerMessage(EventId = MediaLogEvents.Speech + 1, Level = LogLevel.Debug, Message = "Synthesized {Characters} characters with espeak-ng voice {Voice}")]
    private partial void LogSynthesized(string voice, int characters);
}
