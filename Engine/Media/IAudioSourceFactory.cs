using RcmlEngine.Media.Tts;

namespace RcmlEngine.Media;

/// <summary>Opens the audio <c>&lt;Play&gt;</c> and <c>&lt;Say&gt;</c> name (tones come from <see cref="Tones.StandardTones"/>).</summary>
internal interface IAudioSourceFactory
{
    /// <summary>Audio at a URL (http, https or file): WAV read directly, other formats decoded by ffmpeg.</summary>
    /// <exception cref="MediaException">It cannot be fetched or decoded.</exception>
    Task<IAudioSource> OpenUrlAsync(Uri url, CancellationToken cancellationToken);

    /// <summary>Speech for a Say.</summary>
    /// <exception cref="MediaException">The synthesizer failed.</exception>
    Task<IAudioSource> SpeakAsync(SpeechRequest request, CancellationToken cancellationToken);
}
