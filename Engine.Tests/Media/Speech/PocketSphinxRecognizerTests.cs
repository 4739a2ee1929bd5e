using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Media;
using RcmlEngine.Media.Processes;
using RcmlEngine.Media.Speech;
using RcmlEngine.Media.Wav;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Media.Speech;

/// <summary>The real PocketSphinx on telephone audio (flite's voice at 8 kHz), and its cost.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PocketSphinxRecognizerTests
{
    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDirectory();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    [CancelAfter(60_000)]
    public async Task RecognizeAsync_SentenceAt8kHz_KeyWordsRecognized(CancellationToken cancellationToken)
    {
        PeerPrograms.Require("pocketsphinx_continuous");
        var recognizer = NewRecognizer();
        var audio = await SpeakAsync("please call me back tomorrow", cancellationToken);

        var result = await recognizer.RecognizeAsync(new SpeechRecognitionRequest(audio, "en-US", []), cancellationToken);

        result.Status.Should().Be(SpeechRecognitionStatus.Recognized);
        result.Text.Should().ContainAll("please", "back");
        result.Confidence.Should().BeInRange(0, 1);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RecognizeAsync_HintSaid_ThatHint(CancellationToken cancellationToken)
    {
        PeerPrograms.Require("pocketsphinx_continuous");
        var recognizer = NewRecognizer();
        var audio = await SpeakAsync("sales", cancellationToken);

        var hinted = await recognizer.RecognizeAsync(new SpeechRecognitionRequest(audio, "en-US", ["billing", "sales", "support"]), cancellationToken);

        hinted.Text.Should().Be("sales");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RecognizeAsync_NoHintTheDictionaryKnows_FreeSpeech(CancellationToken cancellationToken)
    {
        PeerPrograms.Require("pocketsphinx_continuous");
        var recognizer = NewRecognizer();
        var audio = await SpeakAsync("please call me back tomorrow", cancellationToken);

        var result = await recognizer.RecognizeAsync(new SpeechRecognitionRequest(audio, "en-US", ["xqzzv", "$OOV_CLASS_DIGIT_SEQUENCE"]), cancellationToken);

        result.Text.Should().StartWith("please", "unusable hints leave free recognition, not a forced hint");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RecognizeAsync_LanguageWithoutModel_UnsupportedWithClearProblem(CancellationToken cancellationToken)
    {
        var recognizer = NewRecognizer();

        var result = await recognizer.RecognizeAsync(new SpeechRecognitionRequest(new short[8000], "fr-FR", []), cancellationToken);

        result.Status.Should().Be(SpeechRecognitionStatus.UnsupportedLanguage);
        result.Problem.Should().Contain("fr-FR").And.Contain("en-US");
        recognizer.Supports("fr-FR").Should().BeFalse();
    }

    /// <summary>
    /// The figures of docs/performance.md "Speech": real-time factor (processing time / audio time) of one
    /// recognition, then of N at once through the queue. Run on an idle machine:
    /// <c>dotnet test Engine.Tests -c Release --filter "FullyQualifiedName~PocketSphinxRecognizerTests.Measure"</c>.
    /// </summary>
    [Test]
    [Explicit("measurement for docs/performance.md")]
    [CancelAfter(600_000)]
    public async Task Measure_RealTimeFactor_OneThenConcurrent(CancellationToken cancellationToken)
    {
        PeerPrograms.Require("pocketsphinx_continuous");
        var recognizer = NewRecognizer();
        var audio = await SpeakAsync("I would like to speak to someone about my bill. Please call me back tomorrow morning.", cancellationToken);
        var request = new SpeechRecognitionRequest(audio, "en-US", []);
        var seconds = request.Duration.TotalSeconds;
        await recognizer.RecognizeAsync(request, cancellationToken);

        foreach (var (concurrent, hints) in new[] { (1, false), (1, true), (2, false), (4, false), (8, false) })
        {
            using var queue = new SpeechRecognitionQueue(recognizer, new SpeechOptions { QueueCapacity = 64 }, NullLogger<SpeechRecognitionQueue>.Instance);
            var one = hints ? request with { Hints = ["billing", "sales", "support"] } : request;
            var watch = Stopwatch.StartNew();
            var results = await Task.WhenAll(Enumerable.Range(0, concurrent).Select(_ => queue.RecognizeAsync(one, cancellationToken)));
            var elapsed = watch.Elapsed.TotalSeconds;
            results.Should().OnlyContain(r => r.Status == SpeechRecognitionStatus.Recognized);
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{concurrent} utterance(s) of {seconds:0.00} s{(hints ? " with hints" : string.Empty)} on {Environment.ProcessorCount} cores ({queue.Concurrency} workers): " +
                $"all done in {elapsed:0.00} s, RTF per utterance {elapsed / concurrent / seconds:0.000}, wall RTF {elapsed / seconds:0.000}"));
        }
    }

    private PocketSphinxRecognizer NewRecognizer() => new(
        new ProcessRunner(NullLogger<ProcessRunner>.Instance),
        new SpeechOptions(),
        new MediaOptions { CacheDirectory = _temp.File("cache") },
        NullLogger<PocketSphinxRecognizer>.Instance);

    private async Task<short[]> SpeakAsync(string sentence, CancellationToken cancellationToken)
    {
        var flite = PeerPrograms.Require("flite");
        var wav = _temp.File(Guid.NewGuid().ToString("N") + ".wav");
        using (var process = Process.Start(new ProcessStartInfo(flite) { ArgumentList = { "-voice", "rms", "-t", sentence, "-o", wav } })!)
        {
            await process.WaitForExitAsync(cancellationToken);
        }

        await using var source = await WavAudioSource.OpenAsync(File.OpenRead(wav), "flite", cancellationToken);
        var speech = await AudioReading.ReadAllAsync(source, cancellationToken);
        return [.. new short[4000], .. speech, .. new short[4000]];
    }
}
