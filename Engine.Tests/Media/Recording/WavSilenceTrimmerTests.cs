using System.Buffers.Binary;
using RcmlEngine.Media.Recording;
using RcmlEngine.Media.Wav;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Media.Recording;

[TestFixture]
public sealed class WavSilenceTrimmerTests
{
    private const double Threshold = SilenceDetector.DefaultThreshold;
    private TempDirectory _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempDirectory();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public async Task TrimAsync_SilenceAroundTwoWords_KeepsFromTheFirstToTheLastWordWithThePauseBetween()
    {
        var path = Write(1, Quiet(8000), Tone(4000), Quiet(2400), Tone(4000), Quiet(16000));

        var duration = await TrimAsync(path);

        duration.Should().Be(TimeSpan.FromMilliseconds(1300), "0.5 s, the 0.3 s pause, 0.5 s");
        var (channels, samples) = await ReadAsync(path);
        channels.Should().Be(1);
        samples.Should().HaveCount(10400);
        ToneAnalysis.Rms(samples.AsSpan(0, 160)).Should().BeGreaterThan(1000, "the file starts with the first word");
        ToneAnalysis.Rms(samples.AsSpan(samples.Length - 160)).Should().BeGreaterThan(1000, "and ends with the last");
        ToneAnalysis.Rms(samples.AsSpan(4000 + 800, 800)).Should().BeLessThan(Threshold, "the pause between the words stays");
    }

    [Test]
    public async Task TrimAsync_StereoSpeechOnTheRightOnly_TrimsBothChannelsAroundIt()
    {
        var path = WriteStereo(left: [.. Quiet(8000), .. Quiet(1600), .. Quiet(8000)], right: [.. Quiet(8000), .. Tone(1600), .. Quiet(8000)]);

        var duration = await TrimAsync(path);

        duration.Should().Be(TimeSpan.FromMilliseconds(200));
        var (channels, samples) = await ReadAsync(path);
        channels.Should().Be(2);
        samples.Should().HaveCount(3200, "1600 frames of two channels");
        ToneAnalysis.Rms(samples.Where((_, i) => i % 2 == 1).ToArray()).Should().BeGreaterThan(1000, "the callee's words, right");
        ToneAnalysis.Rms(samples.Where((_, i) => i % 2 == 0).ToArray()).Should().BeLessThan(Threshold, "the caller's silence beside them, left");
    }

    [Test]
    public async Task TrimAsync_OnlySilence_LeavesAnEmptyFileOfZeroLength()
    {
        var path = Write(1, Quiet(16000));

        var duration = await TrimAsync(path);

        duration.Should().Be(TimeSpan.Zero);
        (await ReadAsync(path)).Samples.Should().BeEmpty();
    }

    [Test]
    public async Task TrimAsync_SpeechFromStartToEnd_LeavesTheFileAsItWas()
    {
        var path = Write(1, Tone(8000));
        var before = await File.ReadAllBytesAsync(path);

        var duration = await TrimAsync(path);

        duration.Should().Be(TimeSpan.FromSeconds(1));
        (await File.ReadAllBytesAsync(path)).Should().Equal(before);
    }

    [Test]
    public async Task TrimAsync_NotAnEngineRecording_LeavesItAloneAndSaysSo()
    {
        var path = _folder.File("other.wav");
        await File.WriteAllBytesAsync(path, WavBytes.Build(7, 1, 8000, 8, new byte[800]));

        (await TrimAsync(path)).Should().BeNull();
    }

    private static Task<TimeSpan?> TrimAsync(string path) => WavSilenceTrimmer.TrimAsync(path, Threshold, CancellationToken.None);

    // Low noise, well under the threshold: what a quiet line really sends.
    private static short[] Quiet(int count) => ToneAnalysis.Sine(300, 60, count);

    private static short[] Tone(int count) => ToneAnalysis.Sine(440, 8000, count);

    private string Write(int channels, params short[][] parts)
    {
        var path = _folder.File($"{Guid.NewGuid():N}.wav");
        using var writer = new WavFileWriter(path, channels);
        foreach (var part in parts)
        {
            writer.Write(part);
        }

        return path;
    }

    private string WriteStereo(short[] left, short[] right) =>
        Write(2, [.. left.Zip(right).SelectMany(pair => new[] { pair.First, pair.Second })]);

    private static async Task<(int Channels, short[] Samples)> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        var (format, error) = await WavHeaderReader.ReadAsync(stream, CancellationToken.None);
        format.Should().NotBeNull(error);
        var data = new byte[stream.Length - stream.Position];
        await stream.ReadExactlyAsync(data);
        var header = await File.ReadAllBytesAsync(path);
        BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(40)).Should().Be((uint)data.Length, "the data chunk states the trimmed length");
        BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)).Should().Be((uint)(36 + data.Length), "and so does the RIFF chunk");
        var samples = new short[data.Length / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data.AsSpan(2 * i));
        }

        return (format!.Channels, samples);
    }
}
