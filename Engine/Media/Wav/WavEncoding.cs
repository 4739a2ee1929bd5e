namespace RcmlEngine.Media.Wav;

/// <summary>The sample encodings of WAV files the engine reads (format tags of the <c>fmt </c> chunk).</summary>
internal enum WavEncoding
{
    /// <summary>Tag 1: integer PCM, 8-bit unsigned or 16/24/32-bit signed little-endian.</summary>
    Pcm = 1,

    /// <summary>Tag 3: IEEE float, 32 or 64 bits.</summary>
    Float = 3,

    /// <summary>Tag 6: G.711 A-law, 8 bits.</summary>
    ALaw = 6,

    /// <summary>Tag 7: G.711 mu-law, 8 bits.</summary>
    MuLaw = 7,
}
