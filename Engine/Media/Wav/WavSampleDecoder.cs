using System.Buffers.Binary;
using RcmlEngine.Rtp.Codecs;

namespace RcmlEngine.Media.Wav;

/// <summary>Turns whole frames of WAV data into mono samples scaled to the 16-bit range (channels averaged).</summary>
internal static class WavSampleDecoder
{
    /// <summary>Decodes <paramref name="frames"/> (a whole number of frames) into <paramref name="mono"/>; returns the frame count.</summary>
    public static int Decode(WavFormat format, ReadOnlySpan<byte> frames, Span<float> mono)
    {
        var blockAlign = format.BlockAlign;
        var count = frames.Length / blockAlign;
        var bytesPerSample = format.BitsPerSample / 8;
        for (var frame = 0; frame < count; frame++)
        {
            var sum = 0.0;
            var offset = frame * blockAlign;
            for (var channel = 0; channel < format.Channels; channel++)
            {
                sum += Sample(format, frames.Slice(offset + (channel * bytesPerSample), bytesPerSample));
            }

            mono[frame] = (float)(sum / format.Channels);
        }

        return count;
    }

    private static double Sample(WavFormat format, ReadOnlySpan<byte> bytes) => format.Encoding switch
    {
        WavEncoding.MuLaw => G711MuLaw.Decode(bytes[0]),
        WavEncoding.ALaw => G711ALaw.Decode(bytes[0]),
        WavEncoding.Float when format.BitsPerSample == 32 => BinaryPrimitives.ReadSingleLittleEndian(bytes) * 32768.0,
        WavEncoding.Float => BinaryPrimitives.ReadDoubleLittleEndian(bytes) * 32768.0,
        _ => format.BitsPerSample switch
        {
            8 => (bytes[0] - 128) * 256.0,
            16 => BinaryPrimitives.ReadInt16LittleEndian(bytes),
            24 => ((bytes[2] << 24) | (bytes[1] << 16) | (bytes[0] << 8)) / 65536.0,
            _ => BinaryPrimitives.ReadInt32LittleEndian(bytes) / 65536.0,
        },
    };
}
