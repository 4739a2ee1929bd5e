using System.Globalization;
using Microsoft.Extensions.Logging;
using RcmlEngine.Media.Fetching;
using RcmlEngine.Media.Processes;

namespace RcmlEngine.Media.Decoding;

/// <summary>
/// Decodes formats the engine does not read itself (MP3, OGG, FLAC, AAC...) with an <c>ffmpeg</c>
/// child process into an 8 kHz 16-bit mono WAV, cached by the content hash of the source. ffmpeg is
/// held to the one input file: its format pinned from an allow-list (<see cref="AudioInputFormat"/>),
/// only the <c>file</c> protocol, at most <see cref="MediaOptions.MaxDecodedDuration"/> of audio and
/// the bytes that makes, within <see cref="MediaOptions.DecodeTimeout"/>; a failed run leaves nothing.
/// </summary>
internal sealed partial class FfmpegDecoder
{
    // 8 kHz, 16-bit, mono.
    private const int BytesPerSecond = 16_000;

    // The WAV header and what ffmpeg may write past the limit before it stops.
    private const long OutputSlack = 64 * 1024;

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
        PrivateDirectory.Create(options.CacheDirectory);
        _directory = PrivateDirectory.Create(Path.Combine(options.CacheDirectory, "decoded"));
    }

    /// <summary>The WAV decoded from <paramref name="inputPath"/>, decoding it unless already cached under <paramref name="contentHash"/>.</summary>
    /// <exception cref="MediaException">The file is not an allowed audio format, ffmpeg is missing, cannot decode it, or takes too long.</exception>
    public async Task<string> DecodeAsync(string inputPath, string contentHash, string description, CancellationToken cancellationToken)
    {
        var output = Path.Combine(_directory, contentHash + ".wav");
        if (File.Exists(output))
        {
            MediaCacheTrimmer.Touch(output, _time);
            return output;
        }

        var format = AudioInputFormat.Detect(ReadHeader(inputPath))
            ?? throw new MediaException($"{description} is not an audio format the engine plays (MP3, WAV, OGG, FLAC, AAC, M4A, AIFF)");
        var maxSeconds = _options.MaxDecodedDuration.TotalSeconds;
        var maxBytes = (long)(maxSeconds * BytesPerSecond) + OutputSlack;
        var temporary = Path.Combine(_directory, $"{contentHash}.{Guid.NewGuid():N}.tmp");
        string[] arguments =
        [
            "-nostdin", "-hide_banner", "-loglevel", "error",
            "-protocol_whitelist", "file", "-f", format, "-i", inputPath,
            "-map", "0:a:0", "-vn", "-sn", "-dn", "-ac", "1", "-ar", "8000", "-c:a", "pcm_s16le",
            "-t", maxSeconds.ToString("0.###", CultureInfo.InvariantCulture),
            "-fs", maxBytes.ToString(CultureInfo.InvariantCulture),
            "-f", "wav", "-y", temporary,
        ];
        using var timeout = new CancellationTokenSource(_options.DecodeTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var result = await _runner.RunAsync(new ProcessStart(_options.FfmpegPath, arguments), null, linked.Token);
            if (result.ExitCode != 0 || !File.Exists(temporary))
            {
                throw new MediaException($"ffmpeg could not decode {description} (exit {result.ExitCode}): {result.StandardError}");
            }

            var length = new FileInfo(temporary).Length;
            if (length > maxBytes)
            {
                throw new MediaException($"ffmpeg decoded {description} to more than {maxBytes} bytes");
            }

            if (length >= maxBytes - OutputSlack)
            {
                LogCapped(description, _options.MaxDecodedDuration);
            }

            File.Move(temporary, output, overwrite: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MediaException($"ffmpeg took longer than {_options.DecodeTimeout.TotalSeconds:0} s to decode {description}");
        }
        finally
        {
            File.Delete(temporary);
        }

        LogDecoded(description, format);
        return output;
    }

    private static byte[] ReadHeader(string path)
    {
        var header = new byte[AudioInputFormat.HeaderLength];
        using var file = File.OpenRead(path);
        var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return header[..read];
    }
}
