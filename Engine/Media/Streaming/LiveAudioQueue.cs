using System.Buffers;
using RcmlEngine.Rtp;

namespace RcmlEngine.Media.Streaming;

/// <summary>
/// Audio a media stream's server sends to the caller, with its marks: queued as it arrives (up to
/// <see cref="MaxSamples"/>; beyond that new audio is dropped and counted), and moved by
/// <see cref="PumpAsync"/> into the session's outgoing ring, which the shared pacer sends at 20 ms. A mark
/// is reported played once every sample queued before it has left the ring; <see cref="Clear"/> drops
/// the queue and the ring at once (barge-in) and reports the pending marks.
/// <para>Enqueue, mark and clear come from the stream's receive loop; they never wait for the pump.</para>
/// </summary>
internal sealed partial class LiveAudioQueue : IDisposable
{
    /// <summary>60 s of 8 kHz audio: the most a server may queue ahead.</summary>
    public const int DefaultMaxSamples = 480_000;

    // The pump moves at most this much at a time (200 ms, as prompts), so the ring holds some 0.5 s ahead.
    private const int Chunk = 1600;
    private const int InitialCapacity = 8192;

    private readonly Lock _lock = new();
    private readonly Queue<(string Name, long Position)> _marks = new();
    private readonly Action<string> _markPlayed;
    private short[] _ring = [];
    private int _head;
    private int _count;
    private long _enqueued;
    private long _written;
    private long _dropped;
    private RtpOutboundAudio? _outbound;
    private TaskCompletionSource _signal = NewSignal();

    /// <summary>Creates a queue that reports each played mark's name to <paramref name="markPlayed"/>.</summary>
    public LiveAudioQueue(Action<string> markPlayed, int maxSamples = DefaultMaxSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSamples, 160);
        _markPlayed = markPlayed ?? throw new ArgumentNullException(nameof(markPlayed));
        MaxSamples = maxSamples;
    }

    /// <summary>The most audio queued ahead, in 8 kHz samples.</summary>
    public int MaxSamples { get; }

    /// <summary>Samples dropped because the queue was full.</summary>
    public long DroppedSamples => Interlocked.Read(ref _dropped);

    /// <summary>Samples waiting (not yet in the outgoing ring).</summary>
    public int Queued
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Queues audio; returns how many samples were accepted (the rest was dropped: the queue was full).</summary>
    public int Enqueue(ReadOnlySpan<short> samples)
    {
        int accepted;
        lock (_lock)
        {
            accepted = Math.Min(samples.Length, MaxSamples - _count);
            if (accepted > 0)
            {
                EnsureCapacity(_count + accepted);
                CopyIn(samples[..accepted]);
                _enqueued += accepted;
            }

            Wake();
        }

        if (accepted < samples.Length)
        {
            Interlocked.Add(ref _dropped, samples.Length - accepted);
        }

        return accepted;
    }

    /// <summary>Queues a mark after the audio queued so far.</summary>
    public void Mark(string name)
    {
        lock (_lock)
        {
            _marks.Enqueue((name, _enqueued));
            Wake();
        }
    }

    /// <summary>Drops all queued audio, and what the outgoing ring holds; reports every pending mark.</summary>
    public void Clear()
    {
        List<string>? cleared = null;
        lock (_lock)
        {
            _enqueued -= _count;
            _count = 0;
            _head = 0;
            _outbound?.Clear();
            while (_marks.TryDequeue(out var mark))
            {
                (cleared ??= []).Add(mark.Name);
            }

            // The ring is empty now: what the pump wrote counts as sent.
            _written = _enqueued;
            Wake();
        }

        Report(cleared);
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
            _signal.TrySetResult();
        }
    }

    private void Report(List<string>? names)
    {
        if (names is null)
        {
            return;
        }

        foreach (var name in names)
        {
            _markPlayed(name);
        }
    }

    // Called with the lock held.
    private void Wake() => _signal.TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void EnsureCapacity(int needed)
    {
        if (needed <= _ring.Length)
        {
            return;
        }

        var grown = ArrayPool<short>.Shared.Rent(Math.Max(needed, Math.Max(InitialCapacity, _ring.Length * 2)));
        var first = Math.Min(_count, _ring.Length - _head);
        if (_count > 0)
        {
            _ring.AsSpan(_head, first).CopyTo(grown);
            _ring.AsSpan(0, _count - first).CopyTo(grown.AsSpan(first));
        }

        if (_ring.Length > 0)
        {
            ArrayPool<short>.Shared.Return(_ring);
        }

        _ring = grown;
        _head = 0;
    }

    private void CopyIn(ReadOnlySpan<short> samples)
    {
        var tail = (_head + _count) % _ring.Length;
        var first = Math.Min(samples.Length, _ring.Length - tail);
        samples[..first].CopyTo(_ring.AsSpan(tail));
        samples[first..].CopyTo(_ring);
        _count += samples.Length;
    }
}
