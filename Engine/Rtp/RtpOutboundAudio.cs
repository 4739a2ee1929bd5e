using System.Buffers;

namespace RcmlEngine.Rtp;

/// <summary>
/// The audio a session sends, as a ring of 8 kHz 16-bit samples between one writer (a playback
/// pump or a bridge relay) and the pacer, which takes one packet's worth per tick.
/// <para>
/// Playback writes ahead and waits for space; <see cref="MarkEnd"/> lets the pacer send the tail
/// padded with silence, and <see cref="WaitDrainedAsync"/> completes once the last sample left.
/// A relay writes with <see cref="WriteLive"/>, which keeps latency bounded by dropping the oldest
/// samples; when it runs short the pacer sends silence and leaves what is buffered for later,
/// so a gap grows the buffer by one packet instead of chopping every packet.
/// </para>
/// Waiters are completed asynchronously, so the pacer thread never runs their continuations.
/// </summary>
internal sealed class RtpOutboundAudio : IDisposable
{
    private readonly Lock _lock = new();
    private short[] _ring;
    private int _read;
    private int _count;
    private bool _ended;
    private TaskCompletionSource? _spaceWaiter;
    private int _spaceNeeded;
    private TaskCompletionSource? _drainWaiter;

    /// <summary>
    /// The default ring: 512 ms, a power of two because the shared pool rents powers of two (8000 samples
    /// would take a 16 KiB array, twice this one, for every call). Playback pumps write 200 ms at a time.
    /// </summary>
    public const int DefaultCapacity = 4096;

    /// <summary>Creates a ring of <paramref name="capacity"/> samples (rented from the shared pool).</summary>
    public RtpOutboundAudio(int capacity = DefaultCapacity)
    {
        _ring = ArrayPool<short>.Shared.Rent(capacity);
        Capacity = capacity;
    }

    /// <summary>How many samples the ring holds at most.</summary>
    public int Capacity { get; }

    /// <summary>Samples waiting to be sent.</summary>
    public int Buffered
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Writes as many samples as fit; returns how many.</summary>
    public int Write(ReadOnlySpan<short> samples)
    {
        lock (_lock)
        {
            _ended = false;
            var n = Math.Min(samples.Length, Capacity - _count);
            CopyIn(samples[..n]);
            return n;
        }
    }

    /// <summary>Writes relayed audio, dropping the oldest buffered samples beyond <paramref name="maxBuffered"/>.</summary>
    public void WriteLive(ReadOnlySpan<short> samples, int maxBuffered)
    {
        lock (_lock)
        {
            if (_ring.Length == 0)
            {
                // Disposed: the session stopped while its bridged peer still relayed to it.
                return;
            }

            _ended = false;
            var limit = Math.Min(maxBuffered, Capacity);
            if (samples.Length > limit)
            {
                samples = samples[^limit..];
            }

            var excess = _count + samples.Length - limit;
            if (excess > 0)
            {
                Skip(excess);
            }

            CopyIn(samples);
        }
    }

    /// <summary>Waits until at least <paramref name="samples"/> samples fit (at most the capacity).</summary>
    public Task WaitForSpaceAsync(int samples, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var needed = Math.Min(samples, Capacity);
            if (Capacity - _count >= needed)
            {
                return Task.CompletedTask;
            }

            _spaceWaiter?.TrySetCanceled(CancellationToken.None);
            _spaceWaiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _spaceNeeded = needed;
            return _spaceWaiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>No more audio follows from this writer: the pacer sends what is left, the last packet padded with silence.</summary>
    public void MarkEnd()
    {
        lock (_lock)
        {
            _ended = true;
            CompleteDrainIfEmpty();
        }
    }

    /// <summary>Completes when everything written before <see cref="MarkEnd"/> has been taken by the pacer.</summary>
    public Task WaitDrainedAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_count == 0)
            {
                return Task.CompletedTask;
            }

            _drainWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _drainWaiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Drops all buffered audio at once (playback stopped, barge-in).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _count = 0;
            _read = 0;
            _ended = false;
            WakeWaiters();
        }
    }

    /// <summary>
    /// Pacer side: fills <paramref name="frame"/> with the next packet's samples. Returns false (and
    /// a silent frame) when a live writer has not supplied a whole frame yet, or nothing is buffered.
    /// </summary>
    public bool ReadFrame(Span<short> frame)
    {
        lock (_lock)
        {
            if (_count == 0 || (_count < frame.Length && !_ended))
            {
                frame.Clear();
                return false;
            }

            var n = Math.Min(frame.Length, _count);
            CopyOut(frame[..n]);
            frame[n..].Clear();
            WakeWaiters();
            return true;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            if (_ring.Length > 0)
            {
                ArrayPool<short>.Shared.Return(_ring);
                _ring = [];
            }

            _count = 0;
            _spaceWaiter?.TrySetCanceled(CancellationToken.None);
            _drainWaiter?.TrySetResult();
        }
    }

    private void CopyIn(ReadOnlySpan<short> samples)
    {
        var write = (_read + _count) % Capacity;
        var first = Math.Min(samples.Length, Capacity - write);
        samples[..first].CopyTo(_ring.AsSpan(write));
        samples[first..].CopyTo(_ring);
        _count += samples.Length;
    }

    private void CopyOut(Span<short> destination)
    {
        var first = Math.Min(destination.Length, Capacity - _read);
        _ring.AsSpan(_read, first).CopyTo(destination);
        _ring.AsSpan(0, destination.Length - first).CopyTo(destination[first..]);
        Skip(destination.Length);
    }

    private void Skip(int samples)
    {
        _read = (_read + samples) % Capacity;
        _count -= samples;
    }

    private void WakeWaiters()
    {
        if (_spaceWaiter is not null && Capacity - _count >= _spaceNeeded)
        {
            _spaceWaiter.TrySetResult();
            _spaceWaiter = null;
        }

        CompleteDrainIfEmpty();
    }

    private void CompleteDrainIfEmpty()
    {
        if (_count == 0 && _drainWaiter is not null)
        {
            _drainWaiter.TrySetResult();
            _drainWaiter = null;
        }
    }
}
