using System.Buffers;
using RcmlEngine.Rtp;

namespace RcmlEngine.Media;

/// <summary>Feeds a source into an outgoing ring that the pacer (or a mixer) drains one frame per tick.</summary>
internal static class AudioPump
{
    // 200 ms per read: the pump wakes a few times a second, the ring holds half a second ahead.
    private const int Chunk = 1600;

    /// <summary>
    /// Writes <paramref name="source"/> into <paramref name="outbound"/> as space frees up, then waits
    /// until the last sample was taken. The ring is cleared first.
    /// </summary>
    public static async Task PumpAsync(IAudioSource source, RtpOutboundAudio outbound, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<short>.Shared.Rent(Chunk);
        try
        {
            outbound.Clear();
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, Chunk), cancellationToken)) > 0)
            {
                var offset = 0;
                while (offset < read)
                {
                    await outbound.WaitForSpaceAsync(read - offset, cancellationToken);
                    offset += outbound.Write(buffer.AsSpan(offset, read - offset));
                }
            }

            outbound.MarkEnd();
            await outbound.WaitDrainedAsync(cancellationToken);
        }
        finally
        {
            ArrayPool<short>.Shared.Return(buffer);
        }
    }
}
