using Microsoft.Extensions.Logging;
using RcmlEngine.Media.Fetching;
using RcmlEngine.Media.Processes;

namespace RcmlEngine.Media.Decoding;

/// <summary>
/// Decodes formats the engine does not read itself (MP3, OGG, FLAC, AAC...) with an <c>ffmpeg</c>
/// child process into an 8 kHz 16-bit mono WAV, cached by the content hash of the source.
/// </summary>
internal sealed partial class FfmpegDecoder
{
    private readonly IProcessRunner _runner;
    private readonly MediaOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FfmpegDecoder> _logger;
    private readonly string _directory;

    /// <summary>Creates a decoder writing under <see cref="MediaOptions.CacheDirectory"/>/decoded.</summary>
    public FfmpegDecoder(IProcessRunner runner, MediaOptions options, TimeProvider time, ILogger<FfmpegDecoder> logger)
    {
        _runner = runner;
        _options = options;
        _time = time;
        _logger = logger;
        _directory = Path.Combine(options.CacheDirectory, "decoded");
        Directory.CreateDirectory(_directory);
    }

    /// <summary>The WAV decoded from <paramref name="inputPath"/>, decoding it unless already cached under <paramref name="contentHash"/>.</summary>
    /// <exception cref="MediaException">ffmpeg is missing or cannot decode the file.</exception>
    public async Task<string> DecodeAsync(string inputPath, string contentHash, string description, CancellationToken cancellationToken)
    {
        var output = Path.Combine(_directory, contentHash + ".wav");
        if (File.Exists(output))
        {
            MediaCacheTrimmer.Touch(output, _time);
            return output;
        }

        var temporary = Path.Combine(_directory, $"{contentHash}.{Guid.NewGuid():N}.tmp");
        string[] arguments =
        [
            "-nostdin", "-hide_banner", "-loglevel", "error", "-i", inputPath,
            "-vn", "-ac", "1", "-ar", "8000", "-c:a", "pcm_s16le", "-f", "wav", "-y", temporary,
        ];
        try
        {
            var result = await _runner.RunAsync(new ProcessStart(_options.FfmpegPath, arguments), null, cancellationToken);
            if (result.ExitCode != 0 || !File.Exists(temporary))
            {
                throw new MediaException($"ffmpeg could not decode {description} (exit {result.ExitCode}): {result.StandardError}");
            }

            File.Move(temporary, output, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        LogDecoded(description);
        return output;
    }
}
