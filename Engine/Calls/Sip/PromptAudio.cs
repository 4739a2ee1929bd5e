using RcmlEngine.Calls.Prompts;
using RcmlEngine.Media;
using RcmlEngine.Media.Tones;
using RcmlEngine.Media.Tts;

namespace RcmlEngine.Calls.Sip;

/// <summary>The audio of a prompt: speech from the synthesizer, a fetched file, silence, the beep.</summary>
internal static class PromptAudio
{
    /// <summary>
    /// Opens the audio of <paramref name="prompt"/> (not <see cref="DigitsPrompt"/>, which is sent as
    /// events). Throws <see cref="MediaException"/> when it cannot be had.
    /// </summary>
    public static async Task<IAudioSource> OpenAsync(Prompt prompt, IAudioSourceFactory audio, CancellationToken cancellationToken) => prompt switch
    {
        SpeechPrompt speech => await audio.SpeakAsync(
            new SpeechRequest(speech.Ssml ?? speech.Text, speech.Voice, speech.Language, IsSsml: speech.Ssml is not null), cancellationToken),
        AudioPrompt file => await audio.OpenUrlAsync(file.Url, cancellationToken),
        SilencePrompt silence => StandardTones.Silence(silence.Length),
        BeepPrompt => StandardTones.Beep(),
        RingbackPrompt ringback => StandardTones.Ringback(ringback.Country),
        HoldMusicPrompt => StandardTones.HoldMusic(),
        _ => throw new ArgumentOutOfRangeException(nameof(prompt), prompt.GetType().Name, "a prompt without audio"),
    };

    /// <summary>The code of a prompt that could not be played.</summary>
    public static int ErrorCodeOf(Prompt prompt) =>
        prompt is AudioPrompt ? PromptErrorCodes.AudioRetrievalFailed : PromptErrorCodes.PromptFailed;
}
