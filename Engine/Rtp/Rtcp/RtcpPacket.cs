using System.Buffers.Binary;
using System.Text;

namespace RcmlEngine.Rtp.Rtcp;

/// <summary>
/// Writes the RTCP packets this engine sends (RFC 3550 6.4, 6.5, 6.6) into a caller's buffer:
/// a sender or receiver report, an SDES with the CNAME, and a BYE; together they make a compound packet.
/// </summary>
internal static class RtcpPacket
{
    /// <summary>RFC 3550 6.4.1: sender report.</summary>
    public const byte SenderReport = 200;

    /// <summary>RFC 3550 6.4.2: receiver report.</summary>
    public const byte ReceiverReport = 201;

    /// <summary>RFC 3550 6.5: source description.</summary>
    public const byte SourceDescription = 202;

    /// <summary>RFC 3550 6.6: goodbye.</summary>
    public const byte Bye = 203;

    /// <summary>The length of one report block (RFC 3550 6.4.1).</summary>
    public const int ReportBlockLength = 24;

    private const byte CnameItem = 1;

    /// <summary>Writes a sender report with at most one report block; returns its length.</summary>
    public static int WriteSenderReport(
        Span<byte> destination, uint ssrc, NtpTimestamp ntp, uint rtpTimestamp, uint packetCount, uint octetCount, RtpReceiveStatistics? about, long now, long frequency)
    {
        var blocks = about is null ? 0 : 1;
        var length = 28 + (blocks * ReportBlockLength);
        WriteHeader(destination, blocks, SenderReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ntp.Seconds);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], ntp.Fraction);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], rtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], packetCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[24..], octetCount);
        about?.WriteReportBlock(destination[28..], now, frequency);
        return length;
    }

    /// <summary>Writes a receiver report with at most one report block; returns its length.</summary>
    public static int WriteReceiverReport(Span<byte> destination, uint ssrc, RtpReceiveStatistics? about, long now, long frequency)
    {
        var blocks = about is null ? 0 : 1;
        var length = 8 + (blocks * ReportBlockLength);
        WriteHeader(destination, blocks, ReceiverReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        about?.WriteReportBlock(destination[8..], now, frequency);
        return length;
    }

    /// <summary>Writes an SDES packet with one chunk holding the CNAME item (RFC 3550 6.5.1); returns its length.</summary>
    public static int WriteSourceDescription(Span<byte> destination, uint ssrc, string cname)
    {
        var nameLength = Math.Min(Encoding.UTF8.GetByteCount(cname), 255);
        // SSRC, item type, item length, text, then at least one null octet ending the item list, to a 32-bit boundary.
        var chunk = 4 + 2 + nameLength + 1;
        var length = 4 + ((chunk + 3) & ~3);
        destination[..length].Clear();
        WriteHeader(destination, 1, SourceDescription, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        destination[8] = CnameItem;
        destination[9] = (byte)nameLength;
        Encoding.UTF8.GetBytes(cname.AsSpan(), destination.Slice(10, nameLength));
        return length;
    }

    /// <summary>Writes a BYE for one source, without a reason (RFC 3550 6.6); returns its length.</summary>
    public static int WriteBye(Span<byte> destination, uint ssrc)
    {
        WriteHeader(destination, 1, Bye, 8);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        return 8;
    }

    /// <summary>The common header: version 2, no padding, the count field, the type, length in 32-bit words minus one.</summary>
    private static void WriteHeader(Span<byte> destination, int count, byte packetType, int length)
    {
        destination[0] = (byte)((RtpHeader.Version << 6) | (count & 0x1F));
        destination[1] = packetType;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
    }
}
