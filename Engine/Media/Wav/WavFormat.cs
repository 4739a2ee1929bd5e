namespace RcmlEngine.Media.Wav;

/// <summary>The format of a WAV file's samples, and how long its data is when the header knows.</summary>
/// <param name="Encoding">How samples are coded.</param>
/// <param name="Channels">Interleaved channels per frame.</param>
/// <param name="SampleRate">Frames per second.</param>
/// <param name="BitsPerSample">Bits of one sample of one channel.</param>
/// <param name="DataLength">The data chunk's stated length in bytes, or null when unknown (streamed, or a placeholder).</param>
internal sealed record WavFormat(WavEncoding Encoding, int Channels, int SampleRate, int BitsPerSample, long? DataLength)
{
    /// <summary>Bytes per frame (one sample of each channel).</summary>
    public int BlockAlign => Channels * BitsPerSample / 8;
}
