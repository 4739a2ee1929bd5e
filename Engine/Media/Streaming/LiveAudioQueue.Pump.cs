using RcmlEngine.Rtp;

namespace RcmlEngine.Media.Streaming;

/// <summary>Moving queued audio into the outgoing ring, and reporting marks as their audio leaves it.</summary>
internal sealed partial class LiveAudioQueue
{
    /// <summary>
    /// Feeds <paramref name="outbound"/> from the queue until cancelled (throws
    /// <see cref="OperationCanceledException"/>). Wakes when audio or a mark arrives, when the ring has room
    /// for more, and when the audio before the next mark has been sent; never per packet.
    /// </summary>
    public async Task PumpAsync(RtpOutboundAudio outbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbound);
        lock (_lock)
        {
            _outbound = outbound;
        }

        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (played, signal, space) = Step(outbound, cancellationToken);
                Report(played);
                if (space is null)
                {
                    await signal.WaitAsync(cancellationToken);
                }
                else
                {
                    await Task.WhenAny(signal, space);
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _outbound = null;
            }
        }
    }

    /// <summary>
    /// Takes the audio without playing it (a call without real media): marks are reported as soon as they
    /// are queued. Runs until cancelled.
    /// </summary>
    public async Task DiscardAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Task signal;
            List<string>? played = null;
            lock (_lock)
            {
                _written = _enqueued;
                _count = 0;
                _head = 0;
                while (_marks.TryDequeue(out var mark))
                {
                    (played ??= []).Add(mark.Name);
                }

                signal = NextSignal();
            }

            Report(played);
            await signal.WaitAsync(cancellationToken);
        }
    }

    // One round under the lock: move what fits, collect the marks played, and say what to wait for.
    private (List<string>? Played, Task Signal, Task? Space) Step(RtpOutboundAudio outbound, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            MoveInto(outbound);
            if (_count == 0)
            {
                // Nothing follows for now: the pacer sends the tail, padded with silence, instead of holding it back.
                outbound.MarkEnd();
            }

            var buffered = outbound.Buffered;
            List<string>? played = null;
            while (_marks.TryPeek(out var mark) && mark.Position <= _written && buffered <= _written - mark.Position)
            {
                _marks.Dequeue();
                (played ??= []).Add(mark.Name);
            }

            Task? space = null;
            if (_count > 0)
            {
                space = outbound.WaitForSpaceAsync(Math.Min(_count, Chunk), cancellationToken);
            }
            else if (_marks.TryPeek(out var next) && next.Position <= _written)
            {
                // Room for everything after the mark means the audio before it has been sent.
                space = outbound.WaitForSpaceAsync(outbound.Capacity - (int)(_written - next.Position), cancellationToken);
            }

            return (played, NextSignal(), space);
        }
    }

    // Called with the lock held: the signal completes at the next enqueue, mark or clear.
    private Task NextSignal()
    {
        if (_signal.Task.IsCompleted)
        {
            _signal = NewSignal();
        }

        return _signal.Task;
    }

    // Called with the lock held.
    private void MoveInto(RtpOutboundAudio outbound)
    {
        while (_count > 0)
        {
            var first = Math.Min(_count, _ring.Length - _head);
            var moved = outbound.Write(_ring.AsSpan(_head, first));
            if (moved == 0)
            {
                return;
            }

            _head = (_head + moved) % _ring.Length;
            _count -= moved;
            _written += moved;
            if (moved < first)
            {
                return;
            }
        }
    }
}
