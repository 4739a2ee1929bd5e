namespace RcmlEngine.Media.Speech;

/// <summary>What a recognition produced.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Text">The words, lower case, separated by spaces; empty unless <see cref="SpeechRecognitionStatus.Recognized"/>.</param>
/// <param name="Confidence">How sure the recognizer is, 0 to 1.</param>
/// <param name="Problem">What went wrong, for the application's debugger, when the status is a problem.</param>
internal sealed record SpeechRecognition(SpeechRecognitionStatus Status, string Text, double Confidence, string? Problem = null)
{
    /// <summary>Nothing was said (or nothing the recognizer knows).</summary>
    public static SpeechRecognition NoSpeech { get; } = new(SpeechRecognitionStatus.NoSpeech, string.Empty, 0);

    /// <summary>Recognized <paramref name="text"/> with <paramref name="confidence"/>.</summary>
    public static SpeechRecognition Of(string text, double confidence) =>
        text.Length == 0 ? NoSpeech : new(SpeechRecognitionStatus.Recognized, text, Math.Clamp(confidence, 0, 1));

    /// <summary>A problem that stopped the recognition.</summary>
    public static SpeechRecognition Problematic(SpeechRecognitionStatus status, string problem) => new(status, string.Empty, 0, problem);

    /// <summary>True when there are words.</summary>
    public bool HasText => Status == SpeechRecognitionStatus.Recognized && Text.Length > 0;
}
