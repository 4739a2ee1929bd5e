using Microsoft.Extensions.Logging;
using RcmlEngine.Media.Processes;
using RcmlEngine.Media.Wav;

namespace RcmlEngine.Media.Speech;

/// <summary>
/// Offline recognition with CMU PocketSphinx (Debian <c>pocketsphinx</c> + <c>pocketsphinx-en-us</c>):
/// the utterance is written as an 8 kHz WAV file and decoded by one <c>pocketsphinx_continuous</c>
/// process, killed when the token is cancelled or <see cref="SpeechOptions.RecognitionTimeout"/> passes.
/// With hints, a first pass is restricted to them by a JSGF grammar (<see cref="HintsGrammar"/>); when
/// that matches nothing, a second pass recognizes free speech with the language model.
/// </summary>
internal sealed partial class PocketSphinxRecognizer : ISpeechRecognizer
{
    private readonly IProcessRunner _runner;
    private readonly SpeechOptions _options;
    private readonly PocketSphinxModel _model;
    private readonly ILogger<PocketSphinxRecognizer> _logger;
    private readonly string _directory;

    /// <summary>Creates the recognizer; its working files go under <see cref="MediaOptions.CacheDirectory"/>/recognition.</summary>
    public PocketSphinxRecognizer(IProcessRunner runner, SpeechOptions options, MediaOptions media, ILogger<PocketSphinxRecognizer> logger)
    {
        ArgumentNullException.ThrowIfNull(media);
        _runner = runner;
        _options = options;
        _logger = logger;
        PrivateDirectory.Create(media.CacheDirectory);
        _directory = PrivateDirectory.Create(Path.Combine(media.CacheDirectory, "recognition"));
        _model = new PocketSphinxModel(options, _directory);
    }

    /// <inheritdoc />
    public bool Supports(string language) =>
        string.Equals(language, _options.Language, StringComparison.OrdinalIgnoreCase) && _model.IsInstalled;

    /// <inheritdoc />
    public async Task<SpeechRecognition> RecognizeAsync(SpeechRecognitionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Supports(request.Language))
        {
            return SpeechRecognition.Problematic(SpeechRecognitionStatus.UnsupportedLanguage, _model.IsInstalled
                ? $"no speech model for language {request.Language} (installed: {_options.Language})"
                : $"the PocketSphinx model is not installed ({_options.AcousticModel}); install pocketsphinx-en-us");
        }

        var name = Path.Combine(_directory, Guid.NewGuid().ToString("N"));
        var wav = name + ".wav";
        var grammarFile = name + ".gram";
        try
        {
            WriteWav(wav, request.Samples.Span);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RecognitionTimeout);
            var grammar = HintsGrammar.Build(HintsGrammar.UsablePhrases(request.Hints, _model.Knows));
            if (grammar is not null)
            {
                await File.WriteAllTextAsync(grammarFile, grammar, cancellationToken);
                var hinted = await DecodeAsync(wav, ["-jsgf", grammarFile], timeout.Token);
                if (hinted.HasText || hinted.Status == SpeechRecognitionStatus.Failed)
                {
                    LogRecognized(request.Duration.TotalSeconds, "hints", hinted.Status);
                    return hinted;
                }
            }

            var free = await DecodeAsync(wav, ["-lm", _options.LanguageModel], timeout.Token);
            LogRecognized(request.Duration.TotalSeconds, "free", free.Status);
            return free;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SpeechRecognition.Problematic(SpeechRecognitionStatus.Failed,
                $"PocketSphinx took longer than {_options.RecognitionTimeout.TotalSeconds:0} s and was stopped");
        }
        catch (MediaException exception)
        {
            LogFailed(exception.Message);
            return SpeechRecognition.Problematic(SpeechRecognitionStatus.Failed, exception.Message);
        }
        finally
        {
            File.Delete(wav);
            File.Delete(grammarFile);
        }
    }

    private static void WriteWav(string path, ReadOnlySpan<short> samples)
    {
        using var writer = new WavFileWriter(path);
        writer.Write(samples);
        writer.Complete();
    }

    private async Task<SpeechRecognition> DecodeAsync(string wav, IReadOnlyList<string> model, CancellationToken cancellationToken)
    {
        List<string> arguments =
        [
            "-infile", wav,
            "-hmm", _model.AcousticModel,
            "-dict", _options.Dictionary,
            "-samprate", "8000",
            "-nfft", "256",
            "-time", "yes",
            "-logfn", "/dev/null",
            .. model,
        ];
        var output = string.Empty;
        var result = await _runner.RunAsync(
            new ProcessStart(_options.PocketSphinxPath, arguments),
            async (stdout, token) =>
            {
                using var reader = new StreamReader(stdout);
                output = await reader.ReadToEndAsync(token);
            },
            cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new MediaException($"pocketsphinx_continuous failed (exit {result.ExitCode}): {result.StandardError}");
        }

        return PocketSphinxOutput.Parse(output);
    }
}
