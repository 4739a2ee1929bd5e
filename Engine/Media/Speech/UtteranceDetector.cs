using RcmlEngine.Media.Mixing;
using RcmlEngine.Media.Recording;

namespace RcmlEngine.Media.Speech;

/// <summary>
/// Endpointing for Gather speech: watches the caller's received audio (8 kHz, on the receive loop) with
/// the conferences' <see cref="SpeechDetector"/>, and keeps one utterance: from a little before speech
/// starts (<see cref="PreRollFrames"/>) until <c>speechTimeout</c> of quiet after it (for <c>auto</c>, the
/// detector's own hangover), or <see cref="MaxLength"/>. Each call does a few additions per sample and
/// copies into a buffer that grows by doubling: nothing blocks the receive loop.
/// </summary>
internal sealed class UtteranceDetector : IAudioTap
{
    /// <summary>Samples per frame (20 ms at 8 kHz), the unit the detector judges.</summary>
    public const int FrameSamples = 160;

    /// <summary>Frames kept from before speech is detected (300 ms), so the first syllable is not cut.</summary>
    public const int PreRollFrames = 15;

    private const int FrameMilliseconds = 20;

    private readonly SpeechDetector _detector = new();
    private readonly object _gate = new();
    private readonly short[] _frame = new short[FrameSamples];
    private readonly short[] _preRoll = new short[PreRollFrames * FrameSamples];
    private readonly int _maxSamples;
    private short[] _utterance = new short[8000 * 4];
    private readonly int _endFrames;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<short[]> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _frameFill;
    private int _preRollFrames;
    private int _length;
    private int _quietFrames;

    /// <summary>
    /// Ends an utterance after <paramref name="speechTimeout"/> of quiet (null: <c>auto</c>, the detector's
    /// hangover of 600 ms), or once <paramref name="maxLength"/> of audio was kept.
    /// </summary>
    public UtteranceDetector(TimeSpan? speechTimeout, TimeSpan maxLength)
    {
        var hangover = SpeechDetector.HangoverFrames;
        _endFrames = speechTimeout is { } quiet ? Math.Max(hangover, (int)(quiet.TotalMilliseconds / FrameMilliseconds)) : hangover;
        MaxLength = maxLength;
        _maxSamples = Math.Max(FrameSamples, (int)(maxLength.TotalSeconds * 8000));
    }

    /// <summary>The longest utterance kept.</summary>
    public TimeSpan MaxLength { get; }

    /// <summary>Completes when speech starts (barge-in: the prompt stops).</summary>
    public Task SpeechStarted => _started.Task;

    /// <summary>Completes with the utterance's samples when it ends.</summary>
    public Task<short[]> Utterance => _ended.Task;

    /// <inheritdoc />
    public void OnAudio(ReadOnlySpan<short> samples)
    {
        lock (_gate)
        {
            while (!samples.IsEmpty && !_ended.Task.IsCompleted)
            {
                var count = Math.Min(samples.Length, FrameSamples - _frameFill);
                samples[..count].CopyTo(_frame.AsSpan(_frameFill));
                _frameFill += count;
                samples = samples[count..];
                if (_frameFill == FrameSamples)
                {
                    _frameFill = 0;
                    OnFrame(_frame);
                }
            }
        }
    }

    /// <summary>Ends the utterance now with what was kept (the caller stopped sending audio); empty before speech.</summary>
    public short[] Finish()
    {
        lock (_gate)
        {
            End();
            return _ended.Task.Result;
        }
    }

    private void OnFrame(ReadOnlySpan<short> frame)
    {
        var changed = _detector.Observe(frame, heard: true);
        if (!_started.Task.IsCompleted)
        {
            KeepPreRoll(frame);
            if (changed && _detector.Speaking)
            {
                _preRoll.AsSpan(0, _preRollFrames * FrameSamples).CopyTo(_utterance);
                _length = _preRollFrames * FrameSamples;
                _started.TrySetResult();
            }

            return;
        }

        Append(frame);
        if (_detector.Speaking)
        {
            _quietFrames = 0;
        }
        else
        {
            // The detector stops speech after its hangover of quiet frames; count on from there.
            _quietFrames = changed ? SpeechDetector.HangoverFrames : _quietFrames + 1;
        }

        if ((!_detector.Speaking && _quietFrames >= _endFrames) || _length + FrameSamples > _maxSamples)
        {
            End();
        }
    }

    private void KeepPreRoll(ReadOnlySpan<short> frame)
    {
        if (_preRollFrames == PreRollFrames)
        {
            _preRoll.AsSpan(FrameSamples).CopyTo(_preRoll);
            _preRollFrames--;
        }

        frame.CopyTo(_preRoll.AsSpan(_preRollFrames * FrameSamples));
        _preRollFrames++;
    }

    private void Append(ReadOnlySpan<short> frame)
    {
        if (_length + frame.Length > _utterance.Length)
        {
            // Grows by doubling up to the maximum: a short answer keeps a small buffer.
            Array.Resize(ref _utterance, Math.Min(_maxSamples, Math.Max(_utterance.Length * 2, _length + frame.Length)));
        }

        var count = Math.Min(frame.Length, _utterance.Length - _length);
        frame[..count].CopyTo(_utterance.AsSpan(_length));
        _length += count;
    }

    private void End()
    {
        if (!_ended.Task.IsCompleted)
        {
            _ended.TrySetResult(_started.Task.IsCompleted ? _utterance.AsSpan(0, _length).ToArray() : []);
        }
    }
}
