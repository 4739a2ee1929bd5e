namespace RcmlEngine.Media.Tts;

/// <summary>Turns text into speech, as an 8 kHz 16-bit mono WAV file.</summary>
internal interface ISpeechSynthesizer
{
    /// <summary>The path of the WAV of the request (synthesized now, or from the cache).</summary>
    /// <exception cref="MediaException">The synthesizer is missing or failed.</exception>
    Task<string> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken);
}
