using System.Collections.Concurrent;

namespace RcmlEngine.Rtp.Dtmf;

/// <summary>
/// Sends queued digits one packet time at a time, for the pacer thread. With telephone-event
/// agreed it writes RFC 4733 packets (2.5.1): all packets of a digit carry the timestamp of its
/// start, the first has the marker bit, durations grow by one packet time, and the final packet
/// (E bit) is sent three times (2.5.1.4). Without it, the digit is played in band as Q.23 tones
/// into the outgoing audio. Consecutive digits are separated by a short pause.
/// </summary>
internal sealed class DtmfEventSender
{
    /// <summary>The shortest digit sent, whatever was asked (ITU-T Q.24 asks for at least 40 ms).</summary>
    public static readonly TimeSpan MinimumDuration = TimeSpan.FromMilliseconds(40);

    /// <summary>RFC 4733 2.5.1.4: the final packet of an event is sent three times.</summary>
    public const int EndPacketCount = 3;

    // The volume field in -dBm0 (RFC 4733 2.3.4); -10 dBm0 is a usual keypad level.
    private const byte Volume = 10;
    private const int SampleRate = 8000;
    private const double InBandPeak = 7000;

    // Silence kept between two digits, in samples, so a receiver sees two presses.
    private const int PauseSamples = 400;

    private readonly ConcurrentQueue<(char Digit, TimeSpan Duration, TaskCompletionSource Sent)> _queue = new();
    private TaskCompletionSource? _sending;
    private bool _active;
    private byte _event;
    private char _digit;
    private uint _timestamp;
    private int _elapsed;
    private int _target;
    private int _endsSent;
    private int _pauseLeft;
    private double _lowPhase;
    private double _highPhase;

    /// <summary>True while a digit or the pause after it is being sent, or digits wait.</summary>
    public bool Busy => _active || _pauseLeft > 0 || !_queue.IsEmpty;

    /// <summary>
    /// Queues a digit. The task completes once its last packet (or tone sample) was written, and is
    /// cancelled when the digit is dropped by <see cref="Clear"/>; it is already complete for a
    /// character that is not a DTMF digit (ignored).
    /// </summary>
    public Task Enqueue(char digit, TimeSpan duration)
    {
        if (!DtmfEvents.IsDigit(digit))
        {
            return Task.CompletedTask;
        }

        // Completed on the pacer thread: continuations must not run there.
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Enqueue((char.ToUpperInvariant(digit), duration < MinimumDuration ? MinimumDuration : duration, sent));
        return sent.Task;
    }

    /// <summary>Drops digits not yet started (their tasks are cancelled).</summary>
    public void Clear()
    {
        while (_queue.TryDequeue(out var dropped))
        {
            dropped.Sent.TrySetCanceled();
        }
    }

    /// <summary>
    /// Writes this packet time's event payload when a digit is being sent (RFC 4733 mode).
    /// <paramref name="rtpTimestamp"/> is the stream's timestamp for this packet time.
    /// </summary>
    public bool TryWriteEvent(uint rtpTimestamp, int samplesPerPacket, Span<byte> payload, out uint eventTimestamp, out bool marker)
    {
        eventTimestamp = 0;
        marker = false;
        if (!Advance(rtpTimestamp, out marker))
        {
            return false;
        }

        var end = _elapsed >= _target;
        if (!end)
        {
            _elapsed += samplesPerPacket;
            end = _elapsed >= _target;
        }

        new DtmfEventPayload(_event, end, Volume, (ushort)Math.Min(_elapsed, ushort.MaxValue)).Write(payload);
        eventTimestamp = _timestamp;
        if (end && ++_endsSent == EndPacketCount)
        {
            Finish();
        }

        return true;
    }

    /// <summary>
    /// Replaces this packet time's audio with the digit's tones when a digit is being sent (in-band
    /// mode); the pause after a digit is written as silence.
    /// </summary>
    public bool TryWriteTones(uint rtpTimestamp, Span<short> frame)
    {
        if (!Advance(rtpTimestamp, out _))
        {
            return false;
        }

        frame.Clear();
        var (low, high) = DtmfEvents.Frequencies(_digit);
        var count = Math.Min(frame.Length, _target - _elapsed);
        for (var i = 0; i < count; i++)
        {
            frame[i] = (short)(InBandPeak * 0.5 * (Math.Sin(_lowPhase) + Math.Sin(_highPhase)));
            _lowPhase += 2 * Math.PI * low / SampleRate;
            _highPhase += 2 * Math.PI * high / SampleRate;
        }

        _elapsed += frame.Length;
        if (_elapsed >= _target)
        {
            Finish();
        }

        return true;
    }

    /// <summary>Moves to the next digit when idle; false when there is nothing to send this packet time.</summary>
    private bool Advance(uint rtpTimestamp, out bool started)
    {
        started = false;
        if (_active)
        {
            return true;
        }

        if (_pauseLeft > 0 || !_queue.TryDequeue(out var next))
        {
            return false;
        }

        DtmfEvents.TryGetEventCode(next.Digit, out _event);
        _sending = next.Sent;
        _digit = next.Digit;
        _timestamp = rtpTimestamp;
        _target = (int)Math.Min(next.Duration.TotalSeconds * SampleRate, ushort.MaxValue);
        _elapsed = 0;
        _endsSent = 0;
        _lowPhase = 0;
        _highPhase = 0;
        _active = true;
        _pauseLeft = PauseSamples;
        started = true;
        return true;
    }

    /// <summary>Drops everything, the digit being sent included (the stream stopped); their tasks are cancelled.</summary>
    public void Abandon()
    {
        Clear();
        _active = false;
        _pauseLeft = 0;
        _sending?.TrySetCanceled();
        _sending = null;
    }

    private void Finish()
    {
        _active = false;
        _sending?.TrySetResult();
        _sending = null;
    }

    /// <summary>Counts down the pause after a digit; call once per packet time when no digit was written.</summary>
    public void OnIdle(int samplesPerPacket) => _pauseLeft = Math.Max(0, _pauseLeft - samplesPerPacket);
}
