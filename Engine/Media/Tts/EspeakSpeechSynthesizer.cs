using Microsoft.Extensions.Logging;
using RcmlEngine.Media.Fetching;
using RcmlEngine.Media.Processes;
using RcmlEngine.Media.Wav;

namespace RcmlEngine.Media.Tts;

/// <summary>
/// <c>&lt;Say&gt;</c> with espeak-ng: the text goes to its stdin (SSML with <c>-m</c>, rewritten from an
/// allow-list by <see cref="EspeakSsml"/>; plain text is never read as markup), its WAV comes
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
        PrivateDirectory.Create(options.CacheDirectory);
        _directory = PrivateDirectory.Create(Path.Combine(options.CacheDirectory, "speech"));
    }

    /// <inheritdoc />
    public async Task<string> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        var voice = EspeakVoices.Map(request.Voice, request.Language);
        // Plain text is spoken as text, whatever it starts with: an application that escaped its
        // caller's words must not see them read as markup.
        var ssml = request.IsSsml;
        var key = MediaFetcher.Sha256Hex($"espeak-ng\n{request.Voice}\n{request.Language}\n{voice}\n{ssml}\n{request.Text}");
        var path = Path.Combine(_directory, key + ".wav");
        if (File.Exists(path))
        {
            MediaCacheTrimmer.Touch(path, _time);
            LogCached(voice);
            return path;
        }

        var text = ssml ? EspeakSsml.Sanitize(request.Text) : request.Text;
        List<string> arguments = ["-v", voice, "--stdout"];
        if (ssml)
        {
            arguments.Add("-m");
        }

        var temporary = Path.Combine(_directory, $"{key}.{Guid.NewGuid():N}.tmp");
        try
        {
            var result = await _runner.RunAsync(
                new ProcessStart(_options.EspeakPath, arguments, text) { Environment = EspeakEnvironment() },
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

    // An installation with its voices elsewhere says so with ESPEAK_DATA_PATH; that alone is passed on.
    private static Dictionary<string, string> EspeakEnvironment()
    {
        var data = Environment.GetEnvironmentVariable("ESPEAK_DATA_PATH");
        return data is null ? [] : new() { ["ESPEAK_DATA_PATH"] = data };
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
