using System.Buffers;
using RcmlEngine.Rtp;

namespace RcmlEngine.Media.Sessions;

/// <summary>Playing sources into the outgoing audio.</summary>
internal sealed partial class RtpMediaSession
{
    // 200 ms per read: the pump wakes a few times a second, the ring holds half a second ahead.
    private const int PumpChunk = 1600;

    /// <inheritdoc />
    public async Task PlayAsync(IAudioSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await _outboundGate.WaitAsync(cancellationToken);
        var outbound = _rtp.Outbound;
        try
        {
            await PumpAsync(source, outbound, cancellationToken);
        }
        finally
        {
            // Whatever ended the play, nothing more of it may reach the caller.
            outbound.Clear();
            _outboundGate.Release();
        }
    }

    /// <summary>Feeds the source into the ring as space frees up, then waits until the pacer sent the last sample.</summary>
    private static async Task PumpAsync(IAudioSource source, RtpOutboundAudio outbound, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<short>.Shared.Rent(PumpChunk);
        try
        {
            outbound.Clear();
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, PumpChunk), cancellationToken)) > 0)
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
