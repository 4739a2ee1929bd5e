using RcmlEngine.Diagnostics;
using RcmlEngine.Media.Decoding;
using RcmlEngine.Media.Fetching;
using RcmlEngine.Media.Tts;
using RcmlEngine.Media.Wav;

namespace RcmlEngine.Media;

/// <summary>Fetches or synthesizes audio and opens it as a source; WAV files are recognized by their RIFF/WAVE magic, not by name.</summary>
internal sealed class AudioSourceFactory(MediaFetcher fetcher, FfmpegDecoder decoder, ISpeechSynthesizer speech) : IAudioSourceFactory
{
    /// <inheritdoc />
    public async Task<IAudioSource> OpenUrlAsync(Uri url, CancellationToken cancellationToken)
    {
        var media = await fetcher.FetchAsync(url, cancellationToken);
        var description = UrlRedaction.Of(url);
        if (IsWave(media.Path))
        {
            try
            {
                return await OpenFileAsync(media.Path, description, cancellationToken);
            }
            catch (MediaException)
            {
                // A WAV coding the engine does not read itself (ADPCM, GSM...): ffmpeg reads it below.
            }
        }

        var decoded = await decoder.DecodeAsync(media.Path, media.ContentHash, description, cancellationToken);
        return await OpenFileAsync(decoded, description, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IAudioSource> SpeakAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        var path = await speech.SynthesizeAsync(request, cancellationToken);
        return await OpenFileAsync(path, "speech", cancellationToken);
    }

    private static async Task<IAudioSource> OpenFileAsync(string path, string description, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 16 * 1024, useAsync: true);
        return await WavAudioSource.OpenAsync(stream, description, cancellationToken);
    }

    private static bool IsWave(string path)
    {
        Span<byte> magic = stackalloc byte[12];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) == magic.Length &&
            magic[..4].SequenceEqual("RIFF"u8) && magic[8..].SequenceEqual("WAVE"u8);
    }
}
