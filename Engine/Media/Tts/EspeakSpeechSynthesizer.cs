using Microsoft.Extensions.Logging;
using RcmlEngine.Media.Fetching;
using RcmlEngine.Media.Processes;
using RcmlEngine.Media.Wav;

namespace RcmlEngine.Media.Tts;

/// <summary>
/// <c>&lt;Say&gt;</c> with espeak-ng: the text goes to its stdin (SSML with <c>-m</c>), its WAV comes
/// from stdout (header lengths unknown, as it streams) and is resampled to 8 kHz into a cache file
/// named by a hash of the text, voice and language, so the same prompt is synthesized once.
/// </summary>
internal sealed partial class EspeakSpeechSynthesizer : ISpeechSynthesizer
{
    private readonly IProcessRunner _runner;
    private readonly MediaOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<EspeakSpeechSynthesizer> _logger;
    private readonly string _directory;

    /// <summary>Creates the synthesizer, caching under <see cref="MediaOptions.CacheDirectory"/>/speech.</summary>
    public EspeakSpeechSynthesizer(IProcessRunner runner, MediaOptions options, TimeProvider time, ILogger<EspeakSpeechSynthesizer> logger)
    {
        _runner = runner;
        _options = options;
        _time = time;
        _logger = logger;
        _directory = Path.Combine(options.CacheDirectory, "speech");
        Directory.CreateDirectory(_directory);
    }

    /// <inheritdoc />
    public async Task<string> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        var voice = EspeakVoices.Map(request.Voice, request.Language);
        var ssml = request.IsSsml || request.Text.TrimStart().StartsWith("<speak", StringComparison.OrdinalIgnoreCase);
        var key = MediaFetcher.Sha256Hex($"espeak-ng\n{request.Voice}\n{request.Language}\n{voice}\n{ssml}\n{request.Text}");
        var path = Path.Combine(_directory, key + ".wav");
        if (File.Exists(path))
        {
            MediaCacheTrimmer.Touch(path, _time);
            LogCached(voice);
            return path;
        }

        var text = ssml && !request.Text.TrimStart().StartsWith("<speak", StringComparison.OrdinalIgnoreCase)
            ? $"<speak>{request.Text}</speak>"
            : request.Text;
        List<string> arguments = ["-v", voice, "--stdout"];
        if (ssml)
        {
            arguments.Add("-m");
        }

        var temporary = Path.Combine(_directory, $"{key}.{Guid.NewGuid():N}.tmp");
        try
        {
            var result = await _runner.RunAsync(
                new ProcessStart(_options.EspeakPath, arguments, text),
                (stdout, token) => ConvertAsync(stdout, temporary, token),
                cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new MediaException($"espeak-ng failed (exit {result.ExitCode}): {result.StandardError}");
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        LogSynthesized(voice, request.Text.Length);
        return path;
    }

    private static async Task ConvertAsync(Stream stdout, string path, CancellationToken cancellationToken)
    {
        await using var source = await WavAudioSource.OpenAsync(stdout, "espeak-ng output", cancellationToken);
        using var writer = new WavFileWriter(path);
        var buffer = new short[4096];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            writer.Write(buffer.AsSpan(0, read));
        }

        writer.Complete();
    }
}
