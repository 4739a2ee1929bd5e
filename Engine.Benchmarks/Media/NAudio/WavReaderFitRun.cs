using System.Buffers.Binary;
using NAudio.Wave;
using RcmlEngine.Media.Wav;

namespace RcmlEngine.Benchmarks.Media.NAudio;

/// <summary>
/// <c>naudio-wav-fit</c>: feeds NAudio.Core's <see cref="WaveFileReader"/> and the engine's <see cref="WavAudioSource"/>
/// the WAV inputs the engine's tests require it to read (a stream that cannot seek, as espeak-ng's stdout and an
/// HTTP body are; unknown data lengths of 0 and 0xFFFFFFFF; a truncated last frame) and prints how many
/// samples each got or what it threw. Figures go to docs/performance.md, "NAudio".
/// </summary>
internal static class WavReaderFitRun
{
    public static async Task<int> RunAsync()
    {
        Console.WriteLine("| input (1,000 samples, 8 kHz PCM16) | engine WavAudioSource | NAudio WaveFileReader |");
        Console.WriteLine("| --- | --- | --- |");
        await Row("seekable, lengths right", File(2000), seekable: true);
        await Row("not seekable (a pipe, an HTTP body)", File(2000), seekable: false);
        await Row("data length 0xFFFFFFFF (streamed)", File(uint.MaxValue), seekable: true);
        await Row("data length 0 (streamed)", File(0), seekable: true);
        await Row("truncated last frame (odd byte count)", [.. File(2000), 0x01], seekable: true);
        return 0;
    }

    private static async Task Row(string name, byte[] file, bool seekable)
    {
        Console.WriteLine($"| {name} | {await Own(file, seekable)} | {NAudio(file, seekable)} |");
    }

    private static async Task<string> Own(byte[] file, bool seekable)
    {
        try
        {
            await using var source = await WavAudioSource.OpenAsync(Open(file, seekable), "fit", CancellationToken.None);
            var buffer = new short[4096];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, CancellationToken.None)) > 0)
            {
                total += read;
            }

            return $"{total} samples";
        }
        catch (Exception exception)
        {
            return $"{exception.GetType().Name}: {exception.Message}";
        }
    }

    private static string NAudio(byte[] file, bool seekable)
    {
        try
        {
            using var reader = new WaveFileReader(Open(file, seekable));
            var buffer = new byte[4096];
            long total = 0;
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
            }

            return $"{total / 2} samples";
        }
        catch (Exception exception)
        {
            return $"{exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}";
        }
    }

    private static Stream Open(byte[] file, bool seekable) =>
        seekable ? new MemoryStream(file, writable: false) : new NonSeekableStream(new MemoryStream(file, writable: false));

    // 1,000 samples of 8 kHz 16-bit mono with the given data chunk length.
    private static byte[] File(uint dataLength)
    {
        var header = WavFileWriter.Header(2000);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(40), dataLength);
        var samples = new byte[2000];
        for (var i = 0; i < 1000; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(samples.AsSpan(i * 2), (short)(1000 * Math.Sin(i / 10.0)));
        }

        return [.. header, .. samples];
    }

    private sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
