using System.Buffers.Binary;

namespace RcmlEngine.Calls.Virtual;

/// <summary>Writes a WAV file of silence (PCM, 16 bit, 8 kHz, mono): the virtual phone's recordings.</summary>
internal static class SilentWav
{
    /// <summary>Samples per second.</summary>
    public const int SampleRate = 8000;

    private const int HeaderBytes = 44;

    /// <summary>Writes <paramref name="length"/> of silence to <paramref name="path"/> (replacing it).</summary>
    public static async Task WriteAsync(string path, TimeSpan length, CancellationToken cancellationToken)
    {
        var samples = (long)(length.TotalSeconds * SampleRate);
        var dataBytes = checked((int)(samples * 2));
        var header = new byte[HeaderBytes];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(40), dataBytes);

        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, useAsync: true);
        await file.WriteAsync(header, cancellationToken);
        var zeros = new byte[SampleRate * 2];
        for (var left = dataBytes; left > 0; left -= zeros.Length)
        {
            await file.WriteAsync(zeros.AsMemory(0, Math.Min(left, zeros.Length)), cancellationToken);
        }
    }
}
