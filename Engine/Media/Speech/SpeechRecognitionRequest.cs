namespace RcmlEngine.Media.Speech;

/// <summary>One utterance to recognize.</summary>
/// <param name="Samples">The audio: 8 kHz, 16-bit, mono.</param>
/// <param name="Language">BCP-47 language of the speech (<c>en-US</c>).</param>
/// <param name="Hints">Words and phrases likely to be said (Gather <c>hints</c>), favoured over free text; empty for none.</param>
internal sealed record SpeechRecognitionRequest(ReadOnlyMemory<short> Samples, string Language, IReadOnlyList<string> Hints)
{
    /// <summary>The audio's sample rate.</summary>
    public const int SampleRate = 8000;

    /// <summary>How long the audio lasts.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(Samples.Length / (double)SampleRate);
}
