using System.Buffers;

namespace RcmlEngine.Rtp;

/// <summary>
/// A small reorder buffer: releases packets in sequence-number order, holds at most
/// <see cref="Depth"/> packets while waiting for a missing one, and gives up on the missing packet
/// (declares it lost) when full. In-order packets pass straight through; late packets and duplicates
/// are dropped. Payloads are copied into buffers rented once, so receiving allocates nothing.
/// Not thread-safe: one receive loop owns it.
/// </summary>
internal sealed class RtpReorderBuffer : IDisposable
{
    /// <summary>The largest payload kept; RTP over UDP on Ethernet cannot carry more.</summary>
    public const int MaxPayload = 1500;

    // Slots: Depth waiting packets plus the one just added.
    // A jump this far from the expected number is a new stream, not reordering (RFC 3550 A.1 uses 3000).
    private const int RestartDistance = RtpReceiveStatistics.MaxDropout;

    private readonly Slot[] _slots;
    private ushort _expected;
    private bool _started;
    private int _count;

    /// <summary>Creates a buffer holding up to <paramref name="depth"/> out-of-order packets.</summary>
    public RtpReorderBuffer(int depth = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        Depth = depth;
        _slots = new Slot[depth + 1];
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i] = new Slot { Buffer = ArrayPool<byte>.Shared.Rent(MaxPayload) };
        }
    }

    /// <summary>How many packets may wait for a missing predecessor.</summary>
    public int Depth { get; }

    /// <summary>Packets held, waiting for a missing predecessor.</summary>
    public int Held => _count;

    /// <summary>Packets given up on because they never came in time.</summary>
    public long Lost { get; private set; }

    /// <summary>Packets dropped as duplicates or too late.</summary>
    public long Dropped { get; private set; }

    /// <summary>Forgets all state (the source changed).</summary>
    public void Reset()
    {
        foreach (var slot in _slots)
        {
            slot.Used = false;
        }

        _count = 0;
        _started = false;
    }

    /// <summary>Adds a packet; false when it was dropped (late or duplicate).</summary>
    public bool Add(in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxPayload)
        {
            Dropped++;
            return false;
        }

        if (!_started)
        {
            _expected = header.SequenceNumber;
            _started = true;
        }

        var distance = (short)(header.SequenceNumber - _expected);
        if (Math.Abs((int)distance) >= RestartDistance)
        {
            Reset();
            _expected = header.SequenceNumber;
            _started = true;
            distance = 0;
        }

        if (distance < 0 || Find(header.SequenceNumber) is not null)
        {
            Dropped++;
            return false;
        }

        var free = Array.Find(_slots, s => !s.Used)!;
        free.Used = true;
        free.Header = header;
        free.Length = payload.Length;
        payload.CopyTo(free.Buffer);
        _count++;
        return true;
    }

    /// <summary>
    /// Takes the next packet to process: the expected one, or, when the buffer is full (or
    /// <paramref name="force"/>: the missing packet waited long enough), the earliest held one (the gap
    /// before it counts as lost). The payload is valid until the next <see cref="Add"/>.
    /// </summary>
    public bool TryTake(out RtpHeader header, out ReadOnlySpan<byte> payload, bool force = false)
    {
        var slot = Find(_expected);
        if (slot is null && _count > 0 && (force || _count > Depth))
        {
            slot = Earliest();
            Lost += (ushort)(slot.Header.SequenceNumber - _expected);
        }

        if (slot is null)
        {
            header = default;
            payload = default;
            return false;
        }

        slot.Used = false;
        _count--;
        _expected = (ushort)(slot.Header.SequenceNumber + 1);
        header = slot.Header;
        payload = slot.Buffer.AsSpan(0, slot.Length);
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var slot in _slots)
        {
            ArrayPool<byte>.Shared.Return(slot.Buffer);
            slot.Buffer = [];
        }
    }

    private Slot? Find(ushort sequenceNumber)
    {
        foreach (var slot in _slots)
        {
            if (slot.Used && slot.Header.SequenceNumber == sequenceNumber)
            {
                return slot;
            }
        }

        return null;
    }

    private Slot Earliest()
    {
        Slot? earliest = null;
        foreach (var slot in _slots)
        {
            if (slot.Used && (earliest is null || (short)(slot.Header.SequenceNumber - earliest.Header.SequenceNumber) < 0))
            {
                earliest = slot;
            }
        }

        return earliest!;
    }

    private sealed class Slot
    {
        public byte[] Buffer { get; set; } = [];

        public bool Used { get; set; }

        public RtpHeader Header { get; set; }

        public int Length { get; set; }
    }
}
