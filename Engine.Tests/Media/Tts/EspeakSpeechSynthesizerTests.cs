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

    [Test]
    [CancelAfter(30_000)]
    public async Task SynthesizeAsync_PlainTextStartingWithSpeak_IsSpokenAsText(CancellationToken cancellationToken)
    {
        // What an application gets after escaping its caller's words: the parser hands the text on unescaped.
        var word = await LengthAsync(new SpeechRequest("One"), cancellationToken);
        var markupAsText = await LengthAsync(new SpeechRequest("<speak>One</speak>"), cancellationToken);

        (markupAsText - word).TotalSeconds.Should().BeGreaterThan(0.5, "the angle brackets and tag names are read out, not obeyed");
    }

    [Test]
    [NonParallelizable] // changes the process's PATH
    [Platform("Linux")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    [CancelAfter(30_000)]
    public async Task SynthesizeAsync_SsmlAudioElementWithFakeSoxFirstOnPath_NeverRunsSox(CancellationToken cancellationToken)
    {
        using var bin = new TempDirectory();
        var marker = bin.File("sox-ran");
        var sox = bin.File("sox");
        await File.WriteAllTextAsync(sox, $"#!/bin/sh\necho \"$@\" > '{marker}'\n", cancellationToken);
        File.SetUnixFileMode(sox, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var target = bin.File("$(sox).wav"); // runs sox once more through the shell
        await File.WriteAllBytesAsync(target, WavBytes.Build(1, 1, 8000, 16, new byte[3200]), cancellationToken);
        using var path = new EnvironmentVariables(("PATH", bin.Path + ":" + Environment.GetEnvironmentVariable("PATH")));

        var speech = await LengthAsync(
            new SpeechRequest($"<speak xml:base=\"{bin.Path}/\">hi <audio src=\"/etc/hostname\"/><audio src=\"{target}\"/> there<mark name=\"m\"/></speak>", IsSsml: true),
            cancellationToken);

        File.Exists(marker).Should().BeFalse("espeak-ng is never given an <audio> element, nor a PATH with the fake sox");
        speech.TotalSeconds.Should().BeGreaterThan(0.3, "the words around the removed markup are still spoken");
    }

    private async Task<TimeSpan> LengthAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        var path = await _speech.SynthesizeAsync(request, cancellationToken);
        await using var source = await WavAudioSource.OpenAsync(File.OpenRead(path), path, cancellationToken);
        return MediaAudio.DurationOf((await AudioReading.ReadAllAsync(source, cancellationToken)).Length);
    }
}
