using System.Buffers.Binary;
using RcmlEngine.Media;
using RcmlEngine.Media.Wav;
using RcmlEngine.Rtp.Codecs;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Media.Wav;

[TestFixture]
public sealed class WavAudioSourceTests
{
    [Test]
    public async Task ReadAsync_Pcm16Mono8k_PassesSamplesThrough()
    {
        var samples = Enumerable.Range(0, 400).Select(i => (short)(i * 50 - 10000)).ToArray();

        var read = await ReadAllAsync(WavBytes.Build(1, 1, 8000, 16, WavBytes.Pcm16(samples)));

        read.Should().Equal(samples);
    }

    [Test]
    public async Task ReadAsync_Pcm8Unsigned_ScalesToSixteenBits()
    {
        var read = await ReadAllAsync(WavBytes.Build(1, 1, 8000, 8, [128, 255, 0]));

        read.Should().Equal(0, 127 * 256, -128 * 256);
    }

    [TestCase(7, TestName = "ReadAsync_MuLaw_DecodesG711")]
    [TestCase(6, TestName = "ReadAsync_ALaw_DecodesG711")]
    public async Task ReadAsync_G711_Decodes(int tag)
    {
        var samples = ToneAnalysis.Sine(1000, 8000, 800);
        var codes = new byte[samples.Length];
        var codec = tag == 7 ? G711Codec.Pcmu : G711Codec.Pcma;
        codec.Encode(samples, codes);
        var expected = new short[codes.Length];
        codec.Decode(codes, expected);

        var read = await ReadAllAsync(WavBytes.Build(tag, 1, 8000, 8, codes));

        read.Should().Equal(expected);
    }

    [Test]
    public async Task ReadAsync_Stereo44k1_MixesToMonoAndResamples()
    {
        // Left 1 kHz, right silent: the mono mix is half the amplitude.
        var left = ToneAnalysis.Sine(1000, 16000, 44100, 44100);
        var data = WavBytes.Pcm16(left.SelectMany(s => new[] { s, (short)0 }));

        var read = await ReadAllAsync(WavBytes.Build(1, 2, 44100, 16, data));

        read.Length.Should().BeCloseTo(8000, 2);
        ToneAnalysis.DominantFrequency(read.AsSpan(1000, 6000)).Should().Be(1000);
        ToneAnalysis.Amplitude(read.AsSpan(1000, 6000), 1000).Should().BeApproximately(8000, 150);
    }

    [Test]
    public async Task ReadAsync_Float32Extensible16k_IsRead()
    {
        var data = new byte[16000 * 4];
        for (var i = 0; i < 16000; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), (float)(0.25 * Math.Sin(2 * Math.PI * 500 * i / 16000)));
        }

        var read = await ReadAllAsync(WavBytes.Build(3, 1, 16000, 32, data, extensible: true));

        ToneAnalysis.Amplitude(read.AsSpan(1000, 6000), 500).Should().BeApproximately(8192, 150);
    }

    [Test]
    public async Task ReadAsync_Pcm24_IsRead()
    {
        var data = new byte[] { 0x00, 0x00, 0x40, 0x00, 0x00, 0xC0 };

        var read = await ReadAllAsync(WavBytes.Build(1, 1, 8000, 24, data));

        read.Should().Equal(16384, -16384);
    }

    [TestCase(0xFFFFFFFFu, TestName = "ReadAsync_DataLengthAllOnes_ReadsToEnd")]
    [TestCase(0u, TestName = "ReadAsync_DataLengthZero_ReadsToEnd")]
    [TestCase(0x7FFFF000u, TestName = "ReadAsync_EspeakPlaceholderLength_ReadsToEnd")]
    public async Task ReadAsync_UnknownDataLength_ReadsToEnd(uint dataSize)
    {
        var samples = Enumerable.Range(0, 500).Select(i => (short)i).ToArray();
        var bytes = WavBytes.Build(1, 1, 8000, 16, WavBytes.Pcm16(samples), riffSize: dataSize, dataSize: dataSize);

        var read = await ReadAllAsync(bytes, seekable: false);

        read.Should().Equal(samples);
    }

    [Test]
    public async Task ReadAsync_ListChunkAndTruncatedLastFrame_AreHandled()
    {
        var data = WavBytes.Pcm16([1, 2, 3]).Concat(new byte[] { 0x7F }).ToArray();

        var read = await ReadAllAsync(WavBytes.Build(1, 1, 8000, 16, data, listChunk: true), seekable: false);

        read.Should().Equal(1, 2, 3);
    }

    [Test]
    public async Task ReadAsync_DataLengthShorterThanFile_StopsAtTheLength()
    {
        var bytes = WavBytes.Build(1, 1, 8000, 16, WavBytes.Pcm16([5, 6, 7, 8]), dataSize: 4);

        (await ReadAllAsync(bytes)).Should().Equal(5, 6);
    }

    [TestCase("NOTAWAVEFILE", "not a RIFF/WAVE file")]
    [TestCase("RIFF", "the file is shorter than a RIFF header")]
    public async Task OpenAsync_NotWav_FailsClearly(string content, string message)
    {
        var open = () => WavAudioSource.OpenAsync(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(content)), "prompt.wav", CancellationToken.None);

        (await open.Should().ThrowAsync<MediaException>()).WithMessage($"prompt.wav: WAV: {message}*");
    }

    [Test]
    public async Task OpenAsync_Mp3InWav_SaysTheFormatIsNotSupported()
    {
        var open = () => WavAudioSource.OpenAsync(new MemoryStream(WavBytes.Build(0x55, 1, 8000, 0, [1, 2])), "x", CancellationToken.None);

        (await open.Should().ThrowAsync<MediaException>()).WithMessage("*format tag 85*not supported*");
    }

    [Test]
    public async Task OpenAsync_NoDataChunk_SaysSo()
    {
        var bytes = WavBytes.Build(1, 1, 8000, 16, []);
        var open = () => WavAudioSource.OpenAsync(new MemoryStream(bytes[..^8]), "x", CancellationToken.None);

        (await open.Should().ThrowAsync<MediaException>()).WithMessage("*no data chunk*");
    }

    [Test]
    public async Task WavFileWriter_Output_ReadsBackWithLengths()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rcml-test-{Guid.NewGuid():N}.wav");
        try
        {
            using (var writer = new WavFileWriter(path))
            {
                writer.Write([1, 2, 3, 4, 5]);
                writer.Complete(trailingSamples: 2);
            }

            var bytes = await File.ReadAllBytesAsync(path);
            bytes.Length.Should().Be(44 + 6);
            BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(40)).Should().Be(6);
            BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)).Should().Be(36 + 6);
            (await ReadAllAsync(bytes)).Should().Equal(1, 2, 3);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<short[]> ReadAllAsync(byte[] bytes, bool seekable = true)
    {
        Stream stream = new MemoryStream(bytes);
        if (!seekable)
        {
            stream = new NonSeekableStream(stream);
        }

        await using var source = await WavAudioSource.OpenAsync(stream, "test.wav", CancellationToken.None);
        var samples = new List<short>();
        var buffer = new short[333];
        int read;
        while ((read = await source.ReadAsync(buffer, CancellationToken.None)) > 0)
        {
            samples.AddRange(buffer.Take(read));
        }

        return samples.ToArray();
    }
}
