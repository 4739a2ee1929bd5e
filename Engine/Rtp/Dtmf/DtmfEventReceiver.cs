namespace RcmlEngine.Rtp.Dtmf;

/// <summary>
/// Turns received RFC 4733 event packets into digits, each exactly once (2.5.2):
/// packets of one event share an RTP timestamp, so events are told apart by timestamp, not
/// sequence number (peers repeat the end packet, sometimes with one sequence number).
/// A digit is reported when its event ends: at its first end packet, when a new event begins
/// without the old one having ended, or when no packet came for <see cref="LostEndTimeout"/>
/// (all end packets lost). An event whose start was lost is reported from its first packet seen.
/// Thread-safe: packets come from the receive loop, <see cref="OnTick"/> from the pacer.
/// </summary>
internal sealed class DtmfEventReceiver
{
    /// <summary>How long an event may go without packets before it counts as ended.</summary>
    public static readonly TimeSpan LostEndTimeout = TimeSpan.FromMilliseconds(250);

    // RFC 4733 2.5.1.3: a long event is cut into segments of at most 0xFFFF timestamp units.
    private const int MaxSegmentDuration = 0xFFFF;
    private const int SamplesPerMillisecond = 8;
    private const int RecentCount = 8;

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly Action<DtmfDigit> _onDigit;
    private readonly uint[] _recent = new uint[RecentCount];
    private int _recentNext;
    private int _recentCount;
    private bool _active;
    private uint _timestamp;
    private byte _event;
    private long _duration;
    private long _earlierSegments;
    private DateTimeOffset _startedAt;
    private long _lastPacket;

    /// <summary>Creates a receiver that calls <paramref name="onDigit"/> once per digit.</summary>
    public DtmfEventReceiver(TimeProvider time, Action<DtmfDigit> onDigit)
    {
        _time = time;
        _onDigit = onDigit;
    }

    /// <summary>Handles one telephone-event packet (its RTP timestamp and payload).</summary>
    public void OnPacket(uint rtpTimestamp, ReadOnlySpan<byte> payload)
    {
        if (!DtmfEventPayload.TryRead(payload, out var report) || !DtmfEvents.TryGetDigit(report.EventCode, out _))
        {
            return;
        }

        DtmfDigit? ended = null;
        DtmfDigit? endedNow = null;
        lock (_lock)
        {
            if (IsRecent(rtpTimestamp))
            {
                return;
            }

            if (_active && rtpTimestamp == _timestamp && report.EventCode == _event)
            {
                Update(report);
                endedNow = report.End ? Complete() : null;
            }
            else
            {
                if (_active && IsNextSegment(rtpTimestamp, report))
                {
                    // The same key still held: the segment's duration carries into the new one.
                    _earlierSegments += _duration;
                    _timestamp = rtpTimestamp;
                    _duration = 0;
                }
                else
                {
                    ended = _active ? Complete() : null;
                    Start(rtpTimestamp, report.EventCode);
                }

                Update(report);
                endedNow = report.End ? Complete() : null;
            }
        }

        Report(ended);
        Report(endedNow);
    }

    /// <summary>Ends an event whose end packets never came; called regularly (every packet time).</summary>
    public void OnTick()
    {
        DtmfDigit? ended = null;
        lock (_lock)
        {
            if (_active && _time.GetElapsedTime(_lastPacket) >= LostEndTimeout)
            {
                ended = Complete();
            }
        }

        Report(ended);
    }

    private bool IsNextSegment(uint rtpTimestamp, DtmfEventPayload report) =>
        report.EventCode == _event && _duration >= MaxSegmentDuration && rtpTimestamp == unchecked(_timestamp + (uint)_duration);

    private void Start(uint rtpTimestamp, byte eventCode)
    {
        _active = true;
        _timestamp = rtpTimestamp;
        _event = eventCode;
        _duration = 0;
        _earlierSegments = 0;
        _startedAt = _time.GetUtcNow();
    }

    private void Update(DtmfEventPayload report)
    {
        _duration = Math.Max(_duration, report.Duration);
        _lastPacket = _time.GetTimestamp();
    }

    private DtmfDigit Complete()
    {
        _active = false;
        _recent[_recentNext] = _timestamp;
        _recentNext = (_recentNext + 1) % RecentCount;
        _recentCount = Math.Min(_recentCount + 1, RecentCount);
        DtmfEvents.TryGetDigit(_event, out var digit);
        var duration = TimeSpan.FromMilliseconds((_earlierSegments + _duration) / (double)SamplesPerMillisecond);
        return new DtmfDigit(digit, duration, _startedAt, DtmfSource.Rfc4733);
    }

    private bool IsRecent(uint rtpTimestamp)
    {
        for (var i = 0; i < _recentCount; i++)
        {
            if (_recent[i] == rtpTimestamp)
            {
                return true;
            }
        }

        return false;
    }

    private void Report(DtmfDigit? digit)
    {
        if (digit is { } value)
        {
            _onDigit(value);
        }
    }
}
