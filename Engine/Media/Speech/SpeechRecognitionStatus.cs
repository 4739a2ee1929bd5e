namespace RcmlEngine.Media.Speech;

/// <summary>How a recognition ended.</summary>
internal enum SpeechRecognitionStatus
{
    /// <summary>Words were recognized.</summary>
    Recognized,

    /// <summary>The recognizer heard no words.</summary>
    NoSpeech,

    /// <summary>No model for the language; nothing was recognized.</summary>
    UnsupportedLanguage,

    /// <summary>The queue was full (the host is busy recognizing); nothing was recognized.</summary>
    Rejected,

    /// <summary>The recognizer failed (not installed, crashed, too slow).</summary>
    Failed,
}
