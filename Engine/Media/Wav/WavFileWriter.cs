using System.Buffers.Binary;

namespace RcmlEngine.Media.Wav;

/// <summary>
/// Writes an 8 kHz 16-bit PCM WAV file, mono or interleaved stereo: a 44-byte header with placeholder
/// lengths, the samples, then the real lengths on <see cref="Complete"/>, optionally cutting trailing
/// samples. Counts are in samples of all channels together (a stereo frame is two).
/// </summary>
internal sealed class WavFileWriter : IDisposable
{
    private const int HeaderLength = 44;
    private readonly FileStream _file;
    private readonly byte[] _scratch = new byte[4096];
    private readonly int _channels;
    private bool _completed;

    /// <summary>Creates (or replaces) the file at <paramref name="path"/>: <paramref name="channels"/> 1 (mono) or 2 (stereo).</summary>
    public WavFileWriter(string path, int channels = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 2);
        Path = path;
        _channels = channels;
        _file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 16 * 1024);
        _file.Write(Header(0, channels));
    }

    /// <summary>Where the file is.</summary>
    public string Path { get; }

    /// <summary>Samples written so far.</summary>
    public long SamplesWritten { get; private set; }

    /// <summary>Appends samples.</summary>
    public void Write(ReadOnlySpan<short> samples)
    {
        while (!samples.IsEmpty)
        {
            var count = Math.Min(samples.Length, _scratch.Length / 2);
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(_scratch.AsSpan(i * 2), samples[i]);
            }

            _file.Write(_scratch, 0, count * 2);
            SamplesWritten += count;
            samples = samples[count..];
        }
    }

    /// <summary>Drops the last <paramref name="trailingSamples"/> samples, writes the lengths, and closes the file.</summary>
    public void Complete(long trailingSamples = 0)
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        SamplesWritten -= Math.Clamp(trailingSamples, 0, SamplesWritten);
        _file.SetLength(HeaderLength + (SamplesWritten * 2));
        _file.Position = 0;
        _file.Write(Header(SamplesWritten * 2, _channels));
        _file.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Complete();
    }

    /// <summary>The canonical 44-byte header of 8 kHz 16-bit PCM with a data length and channel count.</summary>
    public static byte[] Header(long dataLength, int channels = 1)
    {
        var header = new byte[HeaderLength];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)(36 + dataLength));
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(20), (ushort)WavEncoding.Pcm);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(22), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), MediaAudio.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(28), (uint)(MediaAudio.SampleRate * 2 * channels));
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(32), (ushort)(2 * channels));
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(40), (uint)dataLength);
        return header;
    }
}
