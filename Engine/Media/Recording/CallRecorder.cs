using System.Buffers;
using Microsoft.Extensions.Logging;
using RcmlEngine.Media.Wav;

namespace RcmlEngine.Media.Recording;

/// <summary>
/// Records what the caller says into a WAV file. Audio arrives on the receive loop
/// (<see cref="OnAudio"/>: judged for speech, queued in a ring, never blocking); a writer task drains
/// the ring to disk every 100 ms. Stops on silence, at the maximum length (by samples received, and
/// by the clock when no audio comes at all), or when <see cref="Stop"/> is called or the run is
/// cancelled (a key the call saw, a hang-up).
/// </summary>
internal sealed partial class CallRecorder : IAudioTap, IDisposable
{
    private static readonly TimeSpan DrainInterval = TimeSpan.FromMilliseconds(100);

    // Three seconds: far more than one drain interval, so only a stalled disk loses audio.
    private const int RingCapacity = 3 * MediaAudio.SampleRate;

    private readonly Lock _lock = new();
    private readonly RecordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SilenceDetector _detector;
    private readonly WavFileWriter _writer;
    private readonly TaskCompletionSource<(RecordingEnd End, char? Key)> _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _maxSamples;
    private readonly long _silenceSamples;
    private readonly long _startedAt;
    private short[] _ring = ArrayPool<short>.Shared.Rent(RingCapacity);
    private int _read;
    private int _count;
    private long _dropped;
    private long _lastAudioAt;

    /// <summary>Creates the file and starts listening (audio counts from now).</summary>
    public CallRecorder(RecordOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _detector = new SilenceDetector(options.SpeechThreshold);
        _writer = new WavFileWriter(options.FilePath);
        _maxSamples = MediaAudio.SamplesOf(options.MaxLength);
        _silenceSamples = MediaAudio.SamplesOf(options.SilenceTimeout);
        _startedAt = time.GetTimestamp();
        _lastAudioAt = _startedAt;
    }

    /// <summary>Samples received but not yet written to the file.</summary>
    internal int Buffered
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Takes received audio; called on the receive loop.</summary>
    public void OnAudio(ReadOnlySpan<short> samples)
    {
        lock (_lock)
        {
            if (_stop.Task.IsCompleted)
            {
                return;
            }

            _lastAudioAt = _time.GetTimestamp();
            var room = (int)Math.Min(samples.Length, _maxSamples - _detector.Samples);
            _detector.Process(samples[..room]);
            Append(samples[..room]);
            if (_options.TrimSilence && !_detector.HeardSpeech)
            {
                // Leading silence is never written: keep only the block still being judged.
                Skip(_count - _detector.PendingSamples);
            }

            if (_detector.Samples >= _maxSamples)
            {
                Stop(RecordingEnd.MaxLength);
            }
            else if (_silenceSamples > 0 && _detector.TrailingSilence >= _silenceSamples)
            {
                Stop(RecordingEnd.Silence);
            }
        }
    }

    /// <summary>Stops the recording (the first reason given wins).</summary>
    public void Stop(RecordingEnd end, char? finishKey = null) => _stop.TrySetResult((end, finishKey));

    private void StopCancelled()
    {
        var cause = _options.StopCause?.Cause;
        Stop(cause?.End ?? RecordingEnd.Hangup, cause?.Key);
    }

    /// <summary>Writes audio until the recording stops, then finishes the file (trimming trailing silence when asked).</summary>
    public async Task<RecordingResult> RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(DrainInterval, _time);
        using var cancelled = cancellationToken.Register(StopCancelled);
        while (!_stop.Task.IsCompleted)
        {
            await Task.WhenAny(timer.WaitForNextTickAsync(CancellationToken.None).AsTask(), _stop.Task);
            Drain();
            CheckClock();
        }

        var (end, key) = await _stop.Task;
        Drain();
        long trailing;
        lock (_lock)
        {
            trailing = !_options.TrimSilence ? 0 : _detector.HeardSpeech ? _detector.TrailingSilence : long.MaxValue;
        }

        _writer.Complete(trailing);
        var result = new RecordingResult(_options.FilePath, MediaAudio.DurationOf(_writer.SamplesWritten), end, key);
        LogFinished(end, result.Duration.TotalSeconds, _dropped);
        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop(RecordingEnd.Hangup);
        _writer.Complete();
        lock (_lock)
        {
            if (_ring.Length > 0)
            {
                ArrayPool<short>.Shared.Return(_ring);
                _ring = [];
                _count = 0;
            }
        }
    }

    private void CheckClock()
    {
        var now = _time.GetTimestamp();
        long lastAudio;
        lock (_lock)
        {
            lastAudio = _lastAudioAt;
        }

        // When the peer sends nothing at all (silence suppression, hold), only the clock can tell.
        if (_options.SilenceTimeout > TimeSpan.Zero && _time.GetElapsedTime(lastAudio, now) >= _options.SilenceTimeout)
        {
            Stop(RecordingEnd.Silence);
        }
        else if (_time.GetElapsedTime(_startedAt, now) >= _options.MaxLength + TimeSpan.FromSeconds(1))
        {
            Stop(RecordingEnd.MaxLength);
        }
    }

    private void Drain()
    {
        var chunk = ArrayPool<short>.Shared.Rent(RingCapacity);
        try
        {
            int taken;
            lock (_lock)
            {
                // While leading silence is trimmed, the block being judged stays until it is judged.
                var keep = _options.TrimSilence && !_detector.HeardSpeech ? _detector.PendingSamples : 0;
                taken = _count - keep;
                for (var i = 0; i < taken; i++)
                {
                    chunk[i] = _ring[(_read + i) % _ring.Length];
                }

                Skip(taken);
            }

            _writer.Write(chunk.AsSpan(0, taken));
        }
        finally
        {
            ArrayPool<short>.Shared.Return(chunk);
        }
    }

    private void Append(ReadOnlySpan<short> samples)
    {
        var room = Math.Min(samples.Length, RingCapacity - _count);
        _dropped += samples.Length - room;
        for (var i = 0; i < room; i++)
        {
            _ring[(_read + _count + i) % _ring.Length] = samples[i];
        }

        _count += room;
    }

    private void Skip(int samples)
    {
        _read = (_read + samples) % _ring.Length;
        _count -= samples;
    }
}
