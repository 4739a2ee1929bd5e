using RcmlEngine.Rtp;
using RcmlEngine.Rtp.Codecs;

namespace RcmlEngine.Tests.Support;

/// <summary>Reads captured RTP packets back into audio: the G.711 packets (payload types 0 and 8), decoded in order of arrival.</summary>
internal static class RtpAudio
{
    /// <summary>The samples of the PCMU and PCMA packets among <paramref name="packets"/>.</summary>
    public static short[] Decode(IEnumerable<byte[]> packets)
    {
        var samples = new List<short>();
        foreach (var packet in packets)
        {
            if (!RtpHeader.TryRead(packet, out var header) || (header.PayloadType switch { 0 => G711Codec.Pcmu, 8 => G711Codec.Pcma, _ => null }) is not { } codec)
            {
                continue;
            }

            var decoded = new short[header.PayloadLength];
            codec.Decode(packet.AsSpan(header.PayloadOffset, header.PayloadLength), decoded);
            samples.AddRange(decoded);
        }

        return [.. samples];
    }

    /// <summary>The payload types of the packets, in order.</summary>
    public static IEnumerable<int> PayloadTypes(IEnumerable<byte[]> packets) =>
        packets.Where(p => p.Length >= RtpHeader.FixedLength).Select(p => p[1] & 0x7F);
}
