using System.Buffers.Binary;

namespace RcmlEngine.Rtp;

/// <summary>
/// The fixed RTP header (RFC 3550 5.1) of a received or sent packet, with where its payload lies
/// once CSRCs, the header extension and padding are skipped.
/// </summary>
internal readonly record struct RtpHeader(
    bool Marker,
    byte PayloadType,
    ushort SequenceNumber,
    uint Timestamp,
    uint Ssrc,
    int PayloadOffset,
    int PayloadLength)
{
    /// <summary>The length of the fixed header, RFC 3550 5.1.</summary>
    public const int FixedLength = 12;

    /// <summary>The only RTP version, RFC 3550 5.1.</summary>
    public const int Version = 2;

    /// <summary>
    /// Reads a header; false for anything that is not a well-formed RTP version 2 packet (too short,
    /// wrong version, CSRC list, extension or padding running past the end).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> packet, out RtpHeader header)
    {
        header = default;
        if (packet.Length < FixedLength || packet[0] >> 6 != Version)
        {
            return false;
        }

        var offset = FixedLength + (4 * (packet[0] & 0x0F));
        if ((packet[0] & 0x10) != 0)
        {
            // RFC 3550 5.3.1: 16-bit profile field, 16-bit length in 32-bit words, then the words.
            if (packet.Length < offset + 4)
            {
                return false;
            }

            offset += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]));
        }

        var end = packet.Length;
        if ((packet[0] & 0x20) != 0)
        {
            // RFC 3550 5.1: the last octet counts the padding octets, itself included.
            var padding = packet[^1];
            if (padding == 0)
            {
                return false;
            }

            end -= padding;
        }

        if (offset > end)
        {
            return false;
        }

        header = new RtpHeader(
            Marker: (packet[1] & 0x80) != 0,
            PayloadType: (byte)(packet[1] & 0x7F),
            SequenceNumber: BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            Timestamp: BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            Ssrc: BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
            PayloadOffset: offset,
            PayloadLength: end - offset);
        return true;
    }

    /// <summary>
    /// True when the second octet looks like an RTCP packet type (200-204 with the marker bit folded
    /// in), which RFC 5761 4 uses to tell RTCP from RTP on one port.
    /// </summary>
    public static bool LooksLikeRtcp(ReadOnlySpan<byte> packet) =>
        packet.Length >= 2 && packet[1] is >= 192 and <= 223;

    /// <summary>Writes a 12-byte header without CSRCs, extension or padding; returns its length.</summary>
    public static int Write(Span<byte> destination, bool marker, byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        destination[0] = Version << 6;
        destination[1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ssrc);
        return FixedLength;
    }
}
