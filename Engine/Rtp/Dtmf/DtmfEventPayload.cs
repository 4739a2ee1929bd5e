using System.Buffers.Binary;

namespace RcmlEngine.Rtp.Dtmf;

/// <summary>The 4-octet payload of an RFC 4733 event packet (2.3): event, E bit, volume, duration.</summary>
/// <param name="EventCode">The event (0-15 for DTMF digits, 3.2).</param>
/// <param name="End">The E bit: this packet reports the end of the event.</param>
/// <param name="Volume">The power level in -dBm0, 0 to 63.</param>
/// <param name="Duration">Time since the event began, in timestamp units (samples at 8 kHz).</param>
internal readonly record struct DtmfEventPayload(byte EventCode, bool End, byte Volume, ushort Duration)
{
    /// <summary>The payload length, RFC 4733 2.3.</summary>
    public const int Length = 4;

    /// <summary>Reads a payload; false when it is shorter than 4 octets.</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out DtmfEventPayload value)
    {
        if (payload.Length < Length)
        {
            value = default;
            return false;
        }

        value = new DtmfEventPayload(
            payload[0],
            (payload[1] & 0x80) != 0,
            (byte)(payload[1] & 0x3F),
            BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the payload; returns its length.</summary>
    public int Write(Span<byte> destination)
    {
        destination[0] = EventCode;
        destination[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return Length;
    }
}
