namespace RcmlEngine.Rtp.Codecs;

/// <summary>
/// ITU-T G.711 mu-law (PCMU, RFC 3551 4.5.14): 16-bit linear PCM to 8-bit codes and back.
/// Decoding uses a 256-entry table; encoding uses a 16,384-entry table indexed by the 14-bit
/// magnitude G.711 actually quantizes (the two low bits of a 16-bit sample never change the code).
/// </summary>
internal static class G711MuLaw
{
    /// <summary>The code of a zero sample (positive zero).</summary>
    public const byte Silence = 0xFF;

    // G.711 mu-law adds a bias of 33 to the 14-bit magnitude so segments start on powers of two.
    private const int Bias = 33;
    private const int MaxBiasedMagnitude = 0x1FFF;

    private static readonly short[] DecodeTable = BuildDecodeTable();
    private static readonly byte[] EncodeTable = BuildEncodeTable();

    /// <summary>Decodes one code to a 16-bit sample (G.711 Table 2a, values scaled by 4).</summary>
    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>Encodes one 16-bit sample.</summary>
    public static byte Encode(short sample) => EncodeTable[(ushort)sample >> 2];

    /// <summary>Encodes <paramref name="samples"/> into <paramref name="codes"/> (same length).</summary>
    public static void Encode(ReadOnlySpan<short> samples, Span<byte> codes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(codes.Length, samples.Length);
        var table = EncodeTable;
        for (var i = 0; i < samples.Length; i++)
        {
            codes[i] = table[(ushort)samples[i] >> 2];
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

    /// <summary>The G.711 mu-law compression of one sample, from its definition (builds the table).</summary>
    internal static byte Compress(short sample)
    {
        // Negative samples use the one's complement, so -1 lands on the negative zero code 0x7F.
        var magnitude = (sample < 0 ? (~sample >> 2) : (sample >> 2)) + Bias;
        magnitude = Math.Min(magnitude, MaxBiasedMagnitude);
        var segment = 1;
        for (var i = magnitude >> 6; i != 0; i >>= 1)
        {
            segment++;
        }

        var highNibble = 0x08 - segment;
        var lowNibble = 0x0F - ((magnitude >> segment) & 0x0F);
        var code = (highNibble << 4) | lowNibble;
        return (byte)(sample >= 0 ? code | 0x80 : code);
    }

    /// <summary>The G.711 mu-law expansion of one code, from its definition (builds the table).</summary>
    internal static short Expand(byte code)
    {
        var inverted = ~code;
        var exponent = (inverted >> 4) & 0x07;
        var mantissa = inverted & 0x0F;
        var step = 4 << (exponent + 1);
        var magnitude = (0x80 << exponent) + (step * mantissa) + (step / 2) - (4 * Bias);
        return (short)(code < 0x80 ? -magnitude : magnitude);
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
        var table = new byte[1 << 14];
        for (var index = 0; index < table.Length; index++)
        {
            table[index] = Compress(unchecked((short)(index << 2)));
        }

        return table;
    }
}
