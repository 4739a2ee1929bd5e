namespace RcmlEngine.Media.Speech;

/// <summary>
/// Turns a caller's utterance (8 kHz 16-bit mono) into text. The default is
/// <see cref="PocketSphinxRecognizer"/> (offline, a child process per utterance); a server-grade
/// recognizer (a whisper.cpp server, Vosk) can be put in its place by implementing this interface and
/// registering it instead. Implementations may be slow: callers go through <see cref="SpeechRecognitionQueue"/>,
/// never the media threads.
/// </summary>
internal interface ISpeechRecognizer
{
    /// <summary>Whether a model is installed for <paramref name="language"/> (BCP-47, e.g. <c>en-US</c>).</summary>
    bool Supports(string language);

    /// <summary>
    /// Recognizes <see cref="SpeechRecognitionRequest.Samples"/>. Problems (no model, the recognizer
    /// failing) are returned as a status, not thrown; cancellation throws <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<SpeechRecognition> RecognizeAsync(SpeechRecognitionRequest request, CancellationToken cancellationToken);
}
