using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Media;
using RcmlEngine.Media.Decoding;
using RcmlEngine.Media.Fetching;
using RcmlEngine.Media.Processes;
using RcmlEngine.Media.Tts;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Media;

/// <summary>Plays media the way <c>&lt;Play&gt;</c> gets it: over HTTP from a real Kestrel server, WAV read directly, MP3 and OGG through ffmpeg.</summary>
[TestFixture]
public sealed class AudioSourceFactoryTests
{
    private readonly Dictionary<string, byte[]> _files = [];
    private TempDirectory _work = null!;
    private LocalHttpServer _server = null!;
    private ServiceProvider _services = null!;
    private CountingProcessRunner _runner = null!;
    private AudioSourceFactory _factory = null!;

    [OneTimeSetUp]
    public async Task SetUpOnce()
    {
        var ffmpeg = PeerPrograms.Require("ffmpeg");
        _work = new TempDirectory();
        foreach (var (name, codec) in new[] { ("tone.mp3", "libmp3lame"), ("tone.ogg", "libvorbis") })
        {
            // lavfi sine is at 1/8 of full scale; volume=4 makes it half scale (16384).
            var path = _work.File(name);
            var encode = await new ProcessRunner(NullLogger<ProcessRunner>.Instance).RunAsync(
                new ProcessStart(ffmpeg, ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=1000:duration=2:sample_rate=44100", "-af", "volume=4", "-c:a", codec, "-y", path]),
                null,
                CancellationToken.None);
            encode.ExitCode.Should().Be(0, encode.StandardError);
            _files[name] = await File.ReadAllBytesAsync(path);
        }

        _files["tone.wav"] = WavBytes.Build(1, 2, 16000, 16, WavBytes.Pcm16(ToneAnalysis.Sine(1000, 16384, 32000, 16000).SelectMany(s => new[] { s, s })));
        _files["not-audio.mp3"] = "this is not audio"u8.ToArray();
        _server = await LocalHttpServer.StartAsync(app => app.MapGet("/{name}", (string name, HttpContext context) =>
            _files.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound()));
    }

    [OneTimeTearDown]
    public async Task TearDownOnce()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _work?.Dispose();
    }

    [SetUp]
    public void SetUp()
    {
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var options = new MediaOptions { CacheDirectory = _work.File("cache-" + Guid.NewGuid().ToString("N")) };
        _runner = new CountingProcessRunner(new ProcessRunner(NullLogger<ProcessRunner>.Instance));
        var fetcher = new MediaFetcher(_services.GetRequiredService<IHttpClientFactory>(), options, TimeProvider.System, NullLogger<MediaFetcher>.Instance);
        var decoder = new FfmpegDecoder(_runner, options, TimeProvider.System, NullLogger<FfmpegDecoder>.Instance);
        var speech = new EspeakSpeechSynthesizer(_runner, options, TimeProvider.System, NullLogger<EspeakSpeechSynthesizer>.Instance);
        _factory = new AudioSourceFactory(fetcher, decoder, speech);
    }

    [TearDown]
    public async Task TearDown() => await _services.DisposeAsync();

    [TestCase("tone.mp3")]
    [TestCase("tone.ogg")]
    [TestCase("tone.wav")]
    [CancelAfter(30_000)]
    public async Task OpenUrlAsync_ServedFile_PlaysTwoSecondsOf1kHz(string name, CancellationToken cancellationToken)
    {
        await using var source = await _factory.OpenUrlAsync(_server.Url("/" + name), cancellationToken);
        var samples = await AudioReading.ReadAllAsync(source, cancellationToken);

        MediaAudio.DurationOf(samples.Length).TotalSeconds.Should().BeApproximately(2.0, 0.1);
        var middle = samples.AsSpan(4000, 8000);
        ToneAnalysis.DominantFrequency(middle).Should().Be(1000);
        ToneAnalysis.Amplitude(middle, 1000).Should().BeApproximately(16384, 16384 * 0.12, "the level survives decoding and resampling (within 1 dB)");
        _runner.Runs.Should().Be(name.EndsWith(".wav", StringComparison.Ordinal) ? 0 : 1, "only formats the engine cannot read go to ffmpeg");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task OpenUrlAsync_SameMp3Twice_DecodesOnce(CancellationToken cancellationToken)
    {
        await (await _factory.OpenUrlAsync(_server.Url("/tone.mp3"), cancellationToken)).DisposeAsync();
        await (await _factory.OpenUrlAsync(_server.Url("/tone.mp3"), cancellationToken)).DisposeAsync();

        _runner.Runs.Should().Be(1);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task OpenUrlAsync_Garbage_IsRefusedBeforeFfmpegRuns(CancellationToken cancellationToken)
    {
        var open = () => _factory.OpenUrlAsync(_server.Url("/not-audio.mp3"), cancellationToken);

        (await open.Should().ThrowAsync<MediaException>()).WithMessage("http://127.0.0.1:*/not-audio.mp3 is not an audio format*");
        _runner.Runs.Should().Be(0, "its bytes are no audio format ffmpeg is allowed to read");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SpeakAsync_Text_PlaysSpeech(CancellationToken cancellationToken)
    {
        PeerPrograms.Require("espeak-ng");

        await using var source = await _factory.SpeakAsync(new SpeechRequest("Hello from the engine", "woman", "en-US"), cancellationToken);
        var samples = await AudioReading.ReadAllAsync(source, cancellationToken);

        MediaAudio.DurationOf(samples.Length).TotalSeconds.Should().BeInRange(0.8, 4);
    }
}
