using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RcmlEngine.Media.Decoding;
using RcmlEngine.Media.Fetching;
using RcmlEngine.Media.Processes;
using RcmlEngine.Media.Sessions;
using RcmlEngine.Media.Speech;
using RcmlEngine.Media.Tts;
using RcmlEngine.Rtp;

namespace RcmlEngine.Media;

/// <summary>Registers the media layer (and the RTP pieces it runs on) for dependency injection.</summary>
internal static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// Adds the shared pacer and receive poller, the port allocator, the session factory, media fetching, decoding,
    /// speech synthesis and recognition (<see cref="SpeechRecognitionQueue"/> over an <see cref="ISpeechRecognizer"/>). The options objects are registered as given; Hosting binds them from configuration.
    /// </summary>
    public static IServiceCollection AddRcmlMedia(
        this IServiceCollection services, RtpOptions? rtp = null, MediaOptions? media = null, MediaSessionOptions? sessions = null,
        SpeechOptions? speech = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(rtp ?? new RtpOptions());
        services.AddSingleton(media ?? new MediaOptions());
        services.AddSingleton(sessions ?? new MediaSessionOptions());
        services.AddSingleton<RtpPacer>();
        services.AddSingleton<RtpReceivePoller>();
        services.AddSingleton(sp => new RtpPortAllocator(sp.GetRequiredService<RtpOptions>()));
        services.AddSingleton<MediaSessionFactory>();
        services.AddSingleton<IProcessRunner, ProcessRunner>();
        services.AddSingleton<MediaFetcher>();
        services.AddSingleton<FfmpegDecoder>();
        services.AddSingleton<ISpeechSynthesizer, EspeakSpeechSynthesizer>();
        services.AddSingleton<IAudioSourceFactory, AudioSourceFactory>();
        services.AddSingleton(speech ?? new SpeechOptions());
        services.TryAddSingleton<ISpeechRecognizer, PocketSphinxRecognizer>();
        services.AddSingleton<SpeechRecognitionQueue>();
        // The default handlers log full URLs at Information; media URLs carry credentials and signed tokens.
        services.AddHttpClient(MediaFetcher.HttpClientName).RemoveAllLoggers();
        return services;
    }
}
