using System.Buffers.Binary;

namespace RcmlEngine.Rtp;

/// <summary>
/// What a receiver tracks about one source for its reception reports: extended highest sequence
/// number and loss (RFC 3550 A.1, A.3), interarrival jitter (A.8) and the last sender report (6.4.1).
/// Packets are counted, never refused: probation here only decides when counting restarts.
/// </summary>
internal sealed class RtpReceiveStatistics
{
    /// <summary>RFC 3550 A.1: a jump of more than this many sequence numbers ahead is a restart candidate.</summary>
    public const int MaxDropout = 3000;

    /// <summary>RFC 3550 A.1: a packet up to this many behind counts as misordered, not a restart.</summary>
    public const int MaxMisorder = 100;

    private const uint SequenceModulo = 1 << 16;

    private ushort _maxSeq;
    private uint _cycles;
    private uint _baseSeq;
    private uint _badSeq = SequenceModulo + 1;
    private uint _received;
    private uint _expectedPrior;
    private uint _receivedPrior;
    private uint _transitPrevious;
    private uint _jitter;
    private bool _started;
    private uint _lastSenderReport;
    private long _lastSenderReportArrival;

    /// <summary>The SSRC of the source these statistics describe.</summary>
    public uint Ssrc { get; private set; }

    /// <summary>Packets counted (duplicates included, as RFC 3550 A.3 counts them).</summary>
    public uint Received => _received;

    /// <summary>The extended highest sequence number received (cycles in the high 16 bits).</summary>
    public uint ExtendedHighestSequence => _cycles + _maxSeq;

    /// <summary>Packets expected minus packets received since the first (RFC 3550 A.3); negative with duplicates.</summary>
    public long CumulativeLost => (long)ExtendedHighestSequence - _baseSeq + 1 - _received;

    /// <summary>The interarrival jitter estimate in timestamp units (RFC 3550 A.8).</summary>
    public uint Jitter => _jitter >> 4;

    /// <summary>Counts a packet's sequence number (RFC 3550 A.1 update_seq without the probation gate).</summary>
    public void Update(uint ssrc, ushort sequenceNumber)
    {
        if (!_started || ssrc != Ssrc)
        {
            Restart(ssrc, sequenceNumber);
            _received++;
            return;
        }

        var delta = (ushort)(sequenceNumber - _maxSeq);
        if (delta < MaxDropout)
        {
            if (sequenceNumber < _maxSeq)
            {
                _cycles += SequenceModulo;
            }

            _maxSeq = sequenceNumber;
        }
        else if (delta <= SequenceModulo - MaxMisorder)
        {
            // A very large jump: restart counting only when the next packet confirms it.
            if (sequenceNumber != _badSeq)
            {
                _badSeq = (uint)(sequenceNumber + 1) & (SequenceModulo - 1);
                return;
            }

            Restart(ssrc, sequenceNumber);
        }

        _received++;
    }

    /// <summary>Updates the jitter estimate (RFC 3550 A.8) with a packet's timestamp and its arrival in the same units.</summary>
    public void UpdateJitter(uint rtpTimestamp, uint arrival)
    {
        var transit = arrival - rtpTimestamp;
        if (_received > 1)
        {
            var d = (int)(transit - _transitPrevious);
            var magnitude = (uint)Math.Abs(d);
            _jitter = (uint)(_jitter + magnitude - ((_jitter + 8) >> 4));
        }

        _transitPrevious = transit;
    }

    /// <summary>Notes a sender report from this source: the middle 32 bits of its NTP time and when it came.</summary>
    public void OnSenderReport(uint ntpMiddle, long arrivalTimestamp)
    {
        _lastSenderReport = ntpMiddle;
        _lastSenderReportArrival = arrivalTimestamp;
    }

    /// <summary>Writes a 24-byte report block about this source (RFC 3550 6.4.1) and starts a new interval.</summary>
    public int WriteReportBlock(Span<byte> destination, long now, long timestampFrequency)
    {
        var expected = ExtendedHighestSequence - _baseSeq + 1;
        var expectedInterval = expected - _expectedPrior;
        var receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        var lostInterval = (long)expectedInterval - receivedInterval;
        var fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (byte)((lostInterval << 8) / expectedInterval);

        // Cumulative loss is a signed 24-bit field, clamped at its limits.
        var cumulative = (int)Math.Clamp(CumulativeLost, -0x800000, 0x7FFFFF);
        BinaryPrimitives.WriteUInt32BigEndian(destination, Ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ((uint)fraction << 24) | ((uint)cumulative & 0xFFFFFF));
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ExtendedHighestSequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _lastSenderReport);
        var delay = _lastSenderReport == 0 ? 0u : (uint)((now - _lastSenderReportArrival) * 65536 / timestampFrequency);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], delay);
        return Rtcp.RtcpPacket.ReportBlockLength;
    }

    private void Restart(uint ssrc, ushort sequenceNumber)
    {
        Ssrc = ssrc;
        _started = true;
        _baseSeq = sequenceNumber;
        _maxSeq = sequenceNumber;
        _badSeq = SequenceModulo + 1;
        _cycles = 0;
        _received = 0;
        _receivedPrior = 0;
        _expectedPrior = 0;
        _jitter = 0;
    }
}
