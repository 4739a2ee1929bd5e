using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Media;
using RcmlEngine.Media.Decoding;
using RcmlEngine.Media.Processes;
using RcmlEngine.Media.Wav;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Media.Decoding;

[TestFixture]
public sealed class FfmpegDecoderTests
{
    private readonly ProcessRunner _runner = new(NullLogger<ProcessRunner>.Instance);
    private TempDirectory _work = null!;

    [SetUp]
    public void SetUp()
    {
        PeerPrograms.Require("ffmpeg");
        _work = new TempDirectory();
    }

    [TearDown]
    public void TearDown() => _work.Dispose();

    [Test]
    [CancelAfter(60_000)]
    public async Task DecodeAsync_FlacOfAnHourOfSilence_IsCappedAtMaxDecodedDuration(CancellationToken cancellationToken)
    {
        var bomb = await SilentFlacAsync(TimeSpan.FromHours(1), cancellationToken);
        var decoder = NewDecoder(new MediaOptions { MaxDecodedDuration = TimeSpan.FromSeconds(20) });

        var decoded = await decoder.DecodeAsync(bomb, "bomb", "bomb.flac", cancellationToken);

        new FileInfo(decoded).Length.Should().BeLessThan(20 * 16_000 + (64 * 1024), "an hour at 8 kHz would be 57.6 MB");
        await using var source = await WavAudioSource.OpenAsync(File.OpenRead(decoded), decoded, cancellationToken);
        MediaAudio.DurationOf((await AudioReading.ReadAllAsync(source, cancellationToken)).Length)
            .Should().BeCloseTo(TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(100));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task DecodeAsync_TakesLongerThanDecodeTimeout_IsRefusedAndLeavesNoOutput(CancellationToken cancellationToken)
    {
        var bomb = await SilentFlacAsync(TimeSpan.FromHours(1), cancellationToken);
        var options = new MediaOptions { DecodeTimeout = TimeSpan.FromMilliseconds(1) };
        var decoder = NewDecoder(options);

        var decode = () => decoder.DecodeAsync(bomb, "slow", "bomb.flac", cancellationToken);

        await decode.Should().ThrowAsync<MediaException>().WithMessage("*longer than*");
        Directory.EnumerateFiles(Path.Combine(options.CacheDirectory, "decoded")).Should().BeEmpty("partial output is deleted");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task DecodeAsync_FfconcatListOfASiblingFile_IsRefused(CancellationToken cancellationToken)
    {
        var sibling = _work.File("secret.wav");
        await File.WriteAllBytesAsync(sibling, WavBytes.Build(1, 1, 8000, 16, WavBytes.Pcm16(ToneAnalysis.Sine(1000, 8000, 8000, 8000))), cancellationToken);
        var list = _work.File("fetched.body");
        await File.WriteAllTextAsync(list, "ffconcat version 1.0\nfile secret.wav\n", cancellationToken);
        var decoder = NewDecoder(new MediaOptions());

        var decode = () => decoder.DecodeAsync(list, "list", "http://app/list.mp3", cancellationToken);

        await decode.Should().ThrowAsync<MediaException>().WithMessage("*not an audio format*");
    }

    [TestCase(new byte[] { (byte)'f', (byte)'L', (byte)'a', (byte)'C' }, "flac")]
    [TestCase(new byte[] { (byte)'I', (byte)'D', (byte)'3', 4 }, "mp3")]
    [TestCase(new byte[] { 0xFF, 0xFB, 0x90, 0x64 }, "mp3")]
    [TestCase(new byte[] { 0xFF, 0xF1, 0x50, 0x80 }, "aac")]
    [TestCase(new byte[] { (byte)'O', (byte)'g', (byte)'g', (byte)'S' }, "ogg")]
    [TestCase(new byte[] { 0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p' }, "mov")]
    [TestCase(new byte[] { (byte)'#', (byte)'E', (byte)'X', (byte)'T', (byte)'M', (byte)'3', (byte)'U' }, null)]
    [TestCase(new byte[] { (byte)'f', (byte)'f', (byte)'c', (byte)'o', (byte)'n', (byte)'c', (byte)'a', (byte)'t' }, null)]
    public void Detect_Header_GivesTheAllowedDemuxerOrNone(byte[] header, string? expected)
    {
        AudioInputFormat.Detect(header).Should().Be(expected);
    }

    private FfmpegDecoder NewDecoder(MediaOptions options)
    {
        options.CacheDirectory = _work.File("cache");
        return new FfmpegDecoder(_runner, options, TimeProvider.System, NullLogger<FfmpegDecoder>.Instance);
    }

    /// <summary>A small FLAC of long silence (compresses to almost nothing), made with ffmpeg.</summary>
    private async Task<string> SilentFlacAsync(TimeSpan length, CancellationToken cancellationToken)
    {
        var path = _work.File("bomb.flac");
        var result = await _runner.RunAsync(
            new ProcessStart("ffmpeg", ["-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono",
                "-t", length.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:a", "flac", "-y", path]),
            null, cancellationToken);
        result.ExitCode.Should().Be(0, result.StandardError);
        new FileInfo(path).Length.Should().BeLessThan(2 * 1024 * 1024);
        return path;
    }
}
