using System.Buffers;
using System.Buffers.Binary;
using RcmlEngine.Media.Wav;

namespace RcmlEngine.Media.Recording;

/// <summary>
/// Cuts the silence before the first and after the last speech out of a finished recording (Dial's
/// <c>trim="trim-silence"</c>). The file is one <see cref="WavFileWriter"/> wrote: 8 kHz 16-bit PCM, mono
/// or interleaved stereo. A 20 ms block is speech when any channel's RMS reaches the threshold, the same
/// test as <see cref="SilenceDetector"/>; whole blocks are kept, so nothing of a word is cut. The file is
/// rewritten in place (the kept audio moved to the front, the length and header updated).
/// </summary>
internal static class WavSilenceTrimmer
{
    private const int BlockFrames = SilenceDetector.BlockSamples;

    /// <summary>
    /// Trims the file; returns the length of audio left (zero, with no samples left, when it held no speech),
    /// or null when the file is not 16-bit PCM at 8 kHz (it is then left alone).
    /// </summary>
    public static async Task<TimeSpan?> TrimAsync(string path, double speechThreshold, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 16 * 1024, useAsync: true);
        var (format, _) = await WavHeaderReader.ReadAsync(file, cancellationToken);
        if (format is not { Encoding: WavEncoding.Pcm, BitsPerSample: 16, SampleRate: MediaAudio.SampleRate, Channels: 1 or 2 })
        {
            return null;
        }

        var dataStart = file.Position;
        var blockAlign = format.BlockAlign;
        var available = file.Length - dataStart;
        var dataLength = Math.Min(format.DataLength ?? available, available) / blockAlign * blockAlign;
        var (first, last) = await FindSpeechAsync(file, dataLength, format.Channels, speechThreshold, cancellationToken);
        var blockBytes = (long)BlockFrames * blockAlign;
        var keepFrom = first < 0 ? 0 : first * blockBytes;
        var keepTo = first < 0 ? 0 : Math.Min((last + 1) * blockBytes, dataLength);
        var kept = keepTo - keepFrom;
        if (kept != dataLength)
        {
            await MoveAsync(file, dataStart + keepFrom, dataStart, kept, cancellationToken);
            file.SetLength(dataStart + kept);
            await RewriteLengthsAsync(file, dataStart, kept, cancellationToken);
        }

        return MediaAudio.DurationOf(kept / blockAlign);
    }

    // The first and last block holding speech, or (-1, -1).
    private static async Task<(long First, long Last)> FindSpeechAsync(
        FileStream file, long dataLength, int channels, double threshold, CancellationToken cancellationToken)
    {
        var blockBytes = BlockFrames * channels * 2;
        var buffer = ArrayPool<byte>.Shared.Rent(blockBytes);
        try
        {
            var thresholdEnergy = threshold * threshold;
            long first = -1, last = -1;
            var start = file.Position;
            for (long block = 0; block * blockBytes < dataLength; block++)
            {
                var length = (int)Math.Min(blockBytes, dataLength - (block * blockBytes));
                file.Position = start + (block * blockBytes);
                await file.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken);
                if (IsSpeech(buffer.AsSpan(0, length), channels, thresholdEnergy))
                {
                    first = first < 0 ? block : first;
                    last = block;
                }
            }

            return (first, last);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Mean energy per sample of any channel at or above the threshold's square.
    private static bool IsSpeech(ReadOnlySpan<byte> block, int channels, double thresholdEnergy)
    {
        Span<double> energy = stackalloc double[channels];
        var frames = block.Length / (2 * channels);
        for (var i = 0; i < frames * channels; i++)
        {
            double sample = BinaryPrimitives.ReadInt16LittleEndian(block[(2 * i)..]);
            energy[i % channels] += sample * sample;
        }

        foreach (var e in energy)
        {
            if (frames > 0 && e / frames >= thresholdEnergy)
            {
                return true;
            }
        }

        return false;
    }

    // Copies forward (the source is never before the destination, so what is read is not yet overwritten).
    private static async Task MoveAsync(FileStream file, long from, long to, long length, CancellationToken cancellationToken)
    {
        if (from == to || length == 0)
        {
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            for (long done = 0; done < length;)
            {
                var count = (int)Math.Min(64 * 1024, length - done);
                file.Position = from + done;
                await file.ReadExactlyAsync(buffer.AsMemory(0, count), cancellationToken);
                file.Position = to + done;
                await file.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
                done += count;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // RIFF size (offset 4) and the data chunk's size (the 4 bytes before the data).
    private static async Task RewriteLengthsAsync(FileStream file, long dataStart, long dataLength, CancellationToken cancellationToken)
    {
        var value = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(value, (uint)(dataStart - 8 + dataLength));
        file.Position = 4;
        await file.WriteAsync(value, cancellationToken);
        BinaryPrimitives.WriteUInt32LittleEndian(value, (uint)dataLength);
        file.Position = dataStart - 4;
        await file.WriteAsync(value, cancellationToken);
    }
}
