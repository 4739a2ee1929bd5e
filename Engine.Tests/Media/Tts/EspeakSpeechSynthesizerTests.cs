using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Media;
using RcmlEngine.Media.Processes;
using RcmlEngine.Media.Tts;
using RcmlEngine.Media.Wav;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Media.Tts;

[TestFixture]
public sealed class EspeakSpeechSynthesizerTests
{
    private TempDirectory _cache = null!;
    private CountingProcessRunner _runner = null!;
    private EspeakSpeechSynthesizer _speech = null!;

    [SetUp]
    public void SetUp()
    {
        PeerPrograms.Require("espeak-ng");
        _cache = new TempDirectory();
        _runner = new CountingProcessRunner(new ProcessRunner(NullLogger<ProcessRunner>.Instance));
        _speech = new EspeakSpeechSynthesizer(_runner, new MediaOptions { CacheDirectory = _cache.Path }, TimeProvider.System, NullLogger<EspeakSpeechSynthesizer>.Instance);
    }

    [TearDown]
    public void TearDown() => _cache?.Dispose();

    [Test]
    [CancelAfter(30_000)]
    public async Task SynthesizeAsync_Sentence_Gives8kMonoSpeechOfPlausibleLength(CancellationToken cancellationToken)
    {
        var path = await _speech.SynthesizeAsync(new SpeechRequest("Thank you for calling. Please hold."), cancellationToken);

        await using var source = await WavAudioSource.OpenAsync(File.OpenRead(path), path, cancellationToken);
        source.Format.SampleRate.Should().Be(8000);
        source.Format.Channels.Should().Be(1);
        var samples = await AudioReading.ReadAllAsync(source, cancellationToken);
        MediaAudio.DurationOf(samples.Length).TotalSeconds.Should().BeInRange(1.0, 5.0);
        ToneAnalysis.Rms(samples).Should().BeGreaterThan(500, "it is speech, not silence");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SynthesizeAsync_SameRequestTwice_RunsEspeakOnce(CancellationToken cancellationToken)
    {
        var request = new SpeechRequest("Cached prompt", "woman", "en-GB");
        var first = await _speech.SynthesizeAsync(request, cancellationToken);
        var second = await _speech.SynthesizeAsync(request, cancellationToken);
        var otherVoice = await _speech.SynthesizeAsync(request with { Voice = "man" }, cancellationToken);

        second.Should().Be(first);
        otherVoice.Should().NotBe(first);
        _runner.Runs.Should().Be(2);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SynthesizeAsync_SsmlBreak_IsPassedThrough(CancellationToken cancellationToken)
    {
        var plain = await LengthAsync(new SpeechRequest("One two"), cancellationToken);
        var withBreak = await LengthAsync(new SpeechRequest("One <break time=\"1500ms\"/> two", IsSsml: true), cancellationToken);

        (withBreak - plain).TotalSeconds.Should().BeGreaterThan(1.2, "the break is spoken as a pause, not read out");
    }

    private async Task<TimeSpan> LengthAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        var path = await _speech.SynthesizeAsync(request, cancellationToken);
        await using var source = await WavAudioSource.OpenAsync(File.OpenRead(path), path, cancellationToken);
        return MediaAudio.DurationOf((await AudioReading.ReadAllAsync(source, cancellationToken)).Length);
    }
}
