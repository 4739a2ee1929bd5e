using System.Buffers;
using Microsoft.Extensions.Logging;
using RcmlEngine.Media.Wav;

namespace RcmlEngine.Media.Recording;

/// <summary>
/// Records two parties of a bridged call into one WAV file: mixed into mono, or one channel each
/// (<c>record-from-answer-dual</c>: the first party left, the second right). Each party's received
/// audio arrives through its tap (<see cref="First"/>, <see cref="Second"/>) on the receive loop and
/// waits in a ring; every 100 ms a writer takes the audio of the time that passed, by the clock, a
/// little behind it so late packets still land, filling what a party did not send (silence
/// suppression, hold, a party not there yet) with silence. So the two stay aligned in time.
/// </summary>
internal sealed partial class PairRecorder : IDisposable
{
    private static readonly TimeSpan DrainInterval = TimeSpan.FromMilliseconds(100);

    // Written this far behind the clock: packets of both parties for that time have arrived by then.
    private const int LagSamples = MediaAudio.SampleRate / 5;

    // A party whose ring holds more than this beyond the clock (its clock runs fast) loses the oldest.
    private const int RingCapacity = 3 * MediaAudio.SampleRate;

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly WavFileWriter _writer;
    private readonly Channel _first = new();
    private readonly Channel _second = new();
    private readonly TaskCompletionSource _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _startedAt;
    private long _written;

    /// <summary>Creates the file and starts the clock; <paramref name="dual"/> writes two channels.</summary>
    public PairRecorder(string filePath, bool dual, TimeProvider time, ILogger logger)
    {
        FilePath = filePath;
        Dual = dual;
        _time = time;
        _logger = logger;
        _writer = new WavFileWriter(filePath, dual ? 2 : 1);
        _startedAt = time.GetTimestamp();
    }

    /// <summary>The WAV file.</summary>
    public string FilePath { get; }

    /// <summary>True for one channel per party.</summary>
    public bool Dual { get; }

    /// <summary>The first party's audio (the caller: left channel).</summary>
    public IAudioTap First => _first;

    /// <summary>The second party's audio (the called party: right channel).</summary>
    public IAudioTap Second => _second;

    /// <summary>Ends the recording; <see cref="RunAsync"/> then writes what is left and returns.</summary>
    public void Stop() => _stop.TrySetResult();

    /// <summary>Writes audio until <see cref="Stop"/> or the token, then finishes the file.</summary>
    public async Task<RecordingResult> RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(DrainInterval, _time);
        using var cancelled = cancellationToken.Register(Stop);
        while (!_stop.Task.IsCompleted)
        {
            await Task.WhenAny(timer.WaitForNextTickAsync(CancellationToken.None).AsTask(), _stop.Task);
            Drain(final: false);
        }

        Drain(final: true);
        _writer.Complete();
        var duration = MediaAudio.DurationOf(_written);
        LogPairFinished(duration.TotalSeconds, Dual, _first.Dropped + _second.Dropped);
        return new RecordingResult(FilePath, duration, RecordingEnd.Hangup);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        _writer.Complete();
        _first.Dispose();
        _second.Dispose();
    }

    private void Drain(bool final)
    {
        var elapsed = (long)(_time.GetElapsedTime(_startedAt).TotalSeconds * MediaAudio.SampleRate);
        var target = final ? Math.Max(elapsed - LagSamples, _written + Math.Max(_first.Count, _second.Count)) : elapsed - LagSamples;
        var frames = (int)Math.Min(Math.Max(0, target - _written), RingCapacity);
        if (frames == 0)
        {
            return;
        }

        var a = ArrayPool<short>.Shared.Rent(frames);
        var b = ArrayPool<short>.Shared.Rent(frames);
        var output = ArrayPool<short>.Shared.Rent(frames * 2);
        try
        {
            _first.Take(a.AsSpan(0, frames), RingCapacity);
            _second.Take(b.AsSpan(0, frames), RingCapacity);
            var written = Dual ? frames * 2 : frames;
            for (var i = 0; i < frames; i++)
            {
                if (Dual)
                {
                    output[2 * i] = a[i];
                    output[(2 * i) + 1] = b[i];
                }
                else
                {
                    output[i] = (short)Math.Clamp(a[i] + b[i], short.MinValue, short.MaxValue);
                }
            }

            _writer.Write(output.AsSpan(0, written));
            _written += frames;
        }
        finally
        {
            ArrayPool<short>.Shared.Return(a);
            ArrayPool<short>.Shared.Return(b);
            ArrayPool<short>.Shared.Return(output);
        }
    }

    /// <summary>One party's audio waiting to be written.</summary>
    private sealed class Channel : IAudioTap, IDisposable
    {
        private readonly Lock _lock = new();
        private short[] _ring = ArrayPool<short>.Shared.Rent(RingCapacity);
        private int _read;

        public int Count { get; private set; }

        public long Dropped { get; private set; }

        public void OnAudio(ReadOnlySpan<short> samples)
        {
            lock (_lock)
            {
                if (_ring.Length == 0)
                {
                    return;
                }

                foreach (var sample in samples)
                {
                    if (Count == RingCapacity)
                    {
                        // Full: the oldest goes (a party whose audio runs ahead of the clock).
                        _read = (_read + 1) % RingCapacity;
                        Count--;
                        Dropped++;
                    }

                    _ring[(_read + Count) % RingCapacity] = sample;
                    Count++;
                }
            }
        }

        /// <summary>Fills <paramref name="destination"/> from the ring, silence where it runs short.</summary>
        public void Take(Span<short> destination, int capacity)
        {
            lock (_lock)
            {
                var n = Math.Min(destination.Length, Count);
                for (var i = 0; i < n; i++)
                {
                    destination[i] = _ring[(_read + i) % capacity];
                }

                destination[n..].Clear();
                _read = (_read + n) % capacity;
                Count -= n;
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                if (_ring.Length > 0)
                {
                    ArrayPool<short>.Shared.Return(_ring);
                    _ring = [];
                    Count = 0;
                }
            }
        }
    }
}
