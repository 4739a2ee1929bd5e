namespace RcmlEngine.Rtp.Codecs;

/// <summary>
/// Converts G.711 codes between the laws without a detour through spans of linear samples:
/// each table maps a code to the code of the other law nearest to its decoded value.
/// </summary>
internal static class G711Transcoder
{
    private static readonly byte[] MuToA = Build(G711MuLaw.Decode, G711ALaw.Encode);
    private static readonly byte[] AToMu = Build(G711ALaw.Decode, G711MuLaw.Encode);

    /// <summary>One mu-law code as the A-law code of the same level.</summary>
    public static byte MuLawToALaw(byte code) => MuToA[code];

    /// <summary>One A-law code as the mu-law code of the same level.</summary>
    public static byte ALawToMuLaw(byte code) => AToMu[code];

    /// <summary>Transcodes a payload from one law to the other; the same codec copies it.</summary>
    public static void Transcode(G711Codec from, G711Codec to, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, source.Length);
        if (ReferenceEquals(from, to))
        {
            source.CopyTo(destination);
            return;
        }

        var table = ReferenceEquals(from, G711Codec.Pcmu) ? MuToA : AToMu;
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i]];
        }
    }

    private static byte[] Build(Func<byte, short> decode, Func<short, byte> encode)
    {
        var table = new byte[256];
        for (var code = 0; code < 256; code++)
        {
            table[code] = encode(decode((byte)code));
        }

        return table;
    }
}
