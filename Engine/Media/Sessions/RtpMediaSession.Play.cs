using System.Buffers;
using RcmlEngine.Rtp;

namespace RcmlEngine.Media.Sessions;

/// <summary>Playing sources into the outgoing audio.</summary>
internal sealed partial class RtpMediaSession
{
    // 200 ms per read: the pump wakes a few times a second, the ring holds a second ahead.
    private const int PumpChunk = 1600;

    /// <inheritdoc />
    public async Task<PlayOutcome> PlayAsync(IAudioSource source, PlayOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await _outboundGate.WaitAsync(cancellationToken);
        try
        {
            if (options.StopOnDigit && _digits.Reader.TryPeek(out _))
            {
                return PlayOutcome.StoppedByDigit;
            }

            using var play = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var stoppedByDigit = false;
            var watch = options.StopOnDigit ? WatchForDigitAsync() : Task.CompletedTask;
            var outbound = _rtp.Outbound;
            try
            {
                await PumpAsync(source, outbound, play.Token);
                return PlayOutcome.Completed;
            }
            catch (OperationCanceledException) when (Volatile.Read(ref stoppedByDigit) && !cancellationToken.IsCancellationRequested)
            {
                return PlayOutcome.StoppedByDigit;
            }
            finally
            {
                // Whatever ended the play, nothing more of it may reach the caller.
                outbound.Clear();
                await play.CancelAsync();
                await watch;
            }

            async Task WatchForDigitAsync()
            {
                try
                {
                    if (await _digits.Reader.WaitToReadAsync(play.Token))
                    {
                        Volatile.Write(ref stoppedByDigit, true);
                        await play.CancelAsync();
                    }
                }
                catch (OperationCanceledException)
                {
                    // The play ended first.
                }
            }
        }
        finally
        {
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
