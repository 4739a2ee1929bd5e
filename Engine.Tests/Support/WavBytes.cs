using System.Buffers.Binary;
using System.Text;

namespace RcmlEngine.Tests.Support;

/// <summary>Builds WAV files byte by byte for tests, including the odd headers real writers produce.</summary>
internal static class WavBytes
{
    /// <summary>A WAV file: RIFF header, fmt chunk (extensible when asked), optional LIST chunk, data chunk.</summary>
    public static byte[] Build(
        int formatTag, int channels, int rate, int bits, byte[] data,
        uint? riffSize = null, uint? dataSize = null, bool extensible = false, bool listChunk = false)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.ASCII);
        var fmtLength = extensible ? 40 : 16;
        writer.Write("RIFF"u8);
        writer.Write(riffSize ?? (uint)(4 + 8 + fmtLength + (listChunk ? 8 + 10 : 0) + 8 + data.Length));
        writer.Write("WAVE"u8);
        if (listChunk)
        {
            // An odd-sized chunk (9 bytes, padded to 10) before fmt, as some editors write.
            writer.Write("LIST"u8);
            writer.Write(9u);
            writer.Write("INFOxxxxx\0"u8);
        }

        writer.Write("fmt "u8);
        writer.Write((uint)fmtLength);
        writer.Write((ushort)(extensible ? 0xFFFE : formatTag));
        writer.Write((ushort)channels);
        writer.Write((uint)rate);
        writer.Write((uint)(rate * channels * bits / 8));
        writer.Write((ushort)(channels * bits / 8));
        writer.Write((ushort)bits);
        if (extensible)
        {
            writer.Write((ushort)22);
            writer.Write((ushort)bits);
            writer.Write(0u);
            writer.Write((ushort)formatTag);
            writer.Write(new byte[14]);
        }

        writer.Write("data"u8);
        writer.Write(dataSize ?? (uint)data.Length);
        writer.Write(data);
        return stream.ToArray();
    }

    /// <summary>16-bit little-endian PCM bytes of samples.</summary>
    public static byte[] Pcm16(IEnumerable<short> samples)
    {
        var list = samples.ToArray();
        var bytes = new byte[list.Length * 2];
        for (var i = 0; i < list.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), list[i]);
        }

        return bytes;
    }
}
