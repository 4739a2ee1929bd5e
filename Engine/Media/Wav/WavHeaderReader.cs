using System.Buffers.Binary;
using System.Text;

namespace RcmlEngine.Media.Wav;

/// <summary>
/// Reads a RIFF/WAVE header from a stream (seekable or not) up to the start of the sample data.
/// Tolerant of what streaming writers put in headers: a RIFF or data length of 0, 0xFFFFFFFF or
/// anything past the end (espeak-ng writes 0x7FFFF000 to stdout) means "until the stream ends".
/// Malformed input never throws: the error says what is wrong.
/// </summary>
internal static class WavHeaderReader
{
    // WAVE_FORMAT_EXTENSIBLE: the real format tag is the first two bytes of the sub-format GUID.
    private const int ExtensibleTag = 0xFFFE;
    private const int MaxChunkSkip = 16 * 1024 * 1024;

    /// <summary>Reads the header; on success the stream is at the first data byte.</summary>
    public static async Task<(WavFormat? Format, string? Error)> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var riff = new byte[12];
        if (await ReadFullyAsync(stream, riff, cancellationToken) < 12)
        {
            return (null, "WAV: the file is shorter than a RIFF header");
        }

        if (Tag(riff, 0) != "RIFF" || Tag(riff, 8) != "WAVE")
        {
            return (null, $"WAV: not a RIFF/WAVE file (starts with \"{Printable(riff.AsSpan(0, 4))}\")");
        }

        WavFormat? format = null;
        var chunk = new byte[8];
        while (true)
        {
            if (await ReadFullyAsync(stream, chunk, cancellationToken) < 8)
            {
                return (null, format is null ? "WAV: no fmt chunk before the end" : "WAV: no data chunk before the end");
            }

            var id = Tag(chunk, 0);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(4));
            if (id == "data")
            {
                if (format is null)
                {
                    return (null, "WAV: the data chunk comes before any fmt chunk");
                }

                var known = size is 0 or uint.MaxValue || size >= 0x7FFF0000 ? (long?)null : size;
                return (format with { DataLength = known }, null);
            }

            if (id == "fmt ")
            {
                var (parsed, error) = await ReadFormatAsync(stream, size, cancellationToken);
                if (error is not null)
                {
                    return (null, error);
                }

                format = parsed;
                continue;
            }

            // RIFF chunks are padded to an even length.
            var skip = size + (size % 2);
            if (skip > MaxChunkSkip || !await SkipAsync(stream, skip, cancellationToken))
            {
                return (null, $"WAV: chunk \"{Printable(chunk.AsSpan(0, 4))}\" of {size} bytes runs past the end");
            }
        }
    }

    private static async Task<(WavFormat? Format, string? Error)> ReadFormatAsync(Stream stream, uint size, CancellationToken cancellationToken)
    {
        if (size is < 16 or > 1024)
        {
            return (null, $"WAV: fmt chunk of {size} bytes (16 to 1024 expected)");
        }

        var body = new byte[size + (size % 2)];
        if (await ReadFullyAsync(stream, body, cancellationToken) < body.Length)
        {
            return (null, "WAV: the fmt chunk runs past the end");
        }

        int tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(2));
        var rate = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(4));
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(14));
        if (tag == ExtensibleTag && size >= 40)
        {
            tag = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(24));
        }

        var valid = tag switch
        {
            1 => bits is 8 or 16 or 24 or 32,
            3 => bits is 32 or 64,
            6 or 7 => bits == 8,
            _ => false,
        };
        if (!valid)
        {
            return (null, $"WAV: format tag {tag} with {bits} bits per sample is not supported (PCM 8/16/24/32, float 32/64, A-law, mu-law)");
        }

        if (channels is < 1 or > 32 || rate is < 1000 or > 768_000)
        {
            return (null, $"WAV: {channels} channels at {rate} Hz is out of range");
        }

        return (new WavFormat((WavEncoding)tag, channels, rate, bits, null), null);
    }

    private static async Task<int> ReadFullyAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken) =>
        await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);

    private static async Task<bool> SkipAsync(Stream stream, long count, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            if (stream.Position + count > stream.Length)
            {
                return false;
            }

            stream.Seek(count, SeekOrigin.Current);
            return true;
        }

        var scratch = new byte[Math.Min(count, 8192)];
        while (count > 0)
        {
            var read = await stream.ReadAsync(scratch.AsMemory(0, (int)Math.Min(count, scratch.Length)), cancellationToken);
            if (read == 0)
            {
                return false;
            }

            count -= read;
        }

        return true;
    }

    private static string Tag(byte[] bytes, int offset) => Encoding.ASCII.GetString(bytes, offset, 4);

    private static string Printable(ReadOnlySpan<byte> bytes) =>
        new(bytes.ToArray().Select(b => b is >= 32 and < 127 ? (char)b : '?').ToArray());
}
