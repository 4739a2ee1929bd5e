namespace RcmlEngine.Rtp.Codecs;

/// <summary>
/// ITU-T G.711 A-law (PCMA, RFC 3551 4.5.14): 16-bit linear PCM to 8-bit codes and back.
/// Decoding uses a 256-entry table; encoding uses an 8,192-entry table indexed by the 13-bit
/// value G.711 A-law actually quantizes.
/// </summary>
internal static class G711ALaw
{
    /// <summary>The code of a zero sample (positive zero, even bits inverted).</summary>
    public const byte Silence = 0xD5;

    // G.711 A-law transmits codes with the even bits inverted.
    private const int EvenBitInversion = 0x55;

    private static readonly short[] DecodeTable = BuildDecodeTable();
    private static readonly byte[] EncodeTable = BuildEncodeTable();

    /// <summary>Decodes one code to a 16-bit sample (G.711 Table 1a, values scaled by 8).</summary>
    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>Encodes one 16-bit sample.</summary>
    public static byte Encode(short sample) => EncodeTable[(ushort)sample >> 3];

    /// <summary>Encodes <paramref name="samples"/> into <paramref name="codes"/> (same length).</summary>
    public static void Encode(ReadOnlySpan<short> samples, Span<byte> codes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(codes.Length, samples.Length);
        var table = EncodeTable;
        for (var i = 0; i < samples.Length; i++)
        {
            codes[i] = table[(ushort)samples[i] >> 3];
        }
    }

    /// <summary>Decodes <paramref name="codes"/> into <paramref name="samples"/> (same length).</summary>
    public static void Decode(ReadOnlySpan<byte> codes, Span<short> samples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples.Length, codes.Length);
        var table = DecodeTable;
        for (var i = 0; i < codes.Length; i++)
        {
            samples[i] = table[codes[i]];
        }
    }

    /// <summary>The G.711 A-law compression of one sample, from its definition (builds the table).</summary>
    internal static byte Compress(short sample)
    {
        // Negative samples use the one's complement: -1..-16 share the smallest negative code.
        var value = sample < 0 ? (~sample >> 4) : (sample >> 4);
        if (value > 15)
        {
            var exponent = 1;
            while (value > 16 + 15)
            {
                value >>= 1;
                exponent++;
            }

            value -= 16;
            value += exponent << 4;
        }

        if (sample >= 0)
        {
            value |= 0x80;
        }

        return (byte)(value ^ EvenBitInversion);
    }

    /// <summary>The G.711 A-law expansion of one code, from its definition (builds the table).</summary>
    internal static short Expand(byte code)
    {
        var value = (code ^ EvenBitInversion) & 0x7F;
        var exponent = value >> 4;
        var mantissa = value & 0x0F;
        if (exponent > 0)
        {
            mantissa += 16;
        }

        mantissa = (mantissa << 4) + 0x08;
        if (exponent > 1)
        {
            mantissa <<= exponent - 1;
        }

        return (short)(code > 127 ? mantissa : -mantissa);
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var code = 0; code < 256; code++)
        {
            table[code] = Expand((byte)code);
        }

        return table;
    }

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[1 << 13];
        for (var index = 0; index < table.Length; index++)
        {
            table[index] = Compress(unchecked((short)(index << 3)));
        }

        return table;
    }
}
