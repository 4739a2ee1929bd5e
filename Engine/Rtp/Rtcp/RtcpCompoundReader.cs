using System.Buffers.Binary;

namespace RcmlEngine.Rtp.Rtcp;

/// <summary>
/// Reads what this engine needs from a received compound RTCP packet (RFC 3550 6.1): the sender
/// report of the peer (for LSR/DLSR) and whether it said BYE. Malformed input yields false.
/// </summary>
internal static class RtcpCompoundReader
{
    /// <summary>What a compound packet told us.</summary>
    internal readonly record struct Summary(bool Valid, uint SenderSsrc, uint? SenderReportNtpMiddle, bool Bye);

    /// <summary>Reads a compound packet; <see cref="Summary.Valid"/> is false when it is not well-formed RTCP.</summary>
    public static Summary Read(ReadOnlySpan<byte> packet)
    {
        uint sender = 0;
        uint? ntpMiddle = null;
        var bye = false;
        var offset = 0;
        var first = true;
        while (offset + 4 <= packet.Length)
        {
            var header = packet[offset..];
            if (header[0] >> 6 != RtpHeader.Version)
            {
                return default;
            }

            var type = header[1];
            var length = (BinaryPrimitives.ReadUInt16BigEndian(header[2..]) + 1) * 4;
            if (offset + length > packet.Length || (first && type is not (RtcpPacket.SenderReport or RtcpPacket.ReceiverReport)))
            {
                // RFC 3550 6.1: a compound packet starts with a report; lengths must fit.
                return default;
            }

            if (length >= 8 && type is RtcpPacket.SenderReport or RtcpPacket.ReceiverReport)
            {
                sender = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
            }

            if (type == RtcpPacket.SenderReport && length >= 28)
            {
                var ntp = new NtpTimestamp(BinaryPrimitives.ReadUInt32BigEndian(header[8..]), BinaryPrimitives.ReadUInt32BigEndian(header[12..]));
                ntpMiddle = ntp.Middle;
            }

            bye |= type == RtcpPacket.Bye;
            offset += length;
            first = false;
        }

        return offset == packet.Length && !first ? new Summary(true, sender, ntpMiddle, bye) : default;
    }
}
