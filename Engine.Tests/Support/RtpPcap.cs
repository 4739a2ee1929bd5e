using System.Buffers.Binary;
using RcmlEngine.Rtp.Codecs;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// Writes a pcap file of PCMU RTP packets (20 ms each) carrying 8 kHz audio, for SIPp's
/// <c>play_pcap_audio</c>, which replays the UDP payloads at their capture times to the call's media port.
/// </summary>
internal static class RtpPcap
{
    private const int Samples = 160;

    /// <summary>Writes <paramref name="audio"/> (8 kHz) to <paramref name="path"/> as RTP PCMU packets.</summary>
    public static void WritePcmu(string path, ReadOnlySpan<short> audio)
    {
        using var file = File.Create(path);
        var header = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xa1b2c3d4);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), 1); // Ethernet
        file.Write(header);
        var frame = new byte[16 + 14 + 20 + 8 + 12 + Samples];
        for (var n = 0; n * Samples < audio.Length; n++)
        {
            var chunk = audio.Slice(n * Samples, Math.Min(Samples, audio.Length - (n * Samples)));
            Array.Clear(frame);
            var micros = n * 20_000L;
            BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)(micros / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), (uint)(micros % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), (uint)(frame.Length - 16));
            BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(12), (uint)(frame.Length - 16));
            var ethernet = frame.AsSpan(16);
            BinaryPrimitives.WriteUInt16BigEndian(ethernet[12..], 0x0800);
            var ip = ethernet[14..];
            ip[0] = 0x45;
            BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + 8 + 12 + Samples));
            ip[8] = 64;
            ip[9] = 17;
            ip[12] = 127;
            ip[15] = 1;
            ip[16] = 127;
            ip[19] = 1;
            var udp = ip[20..];
            BinaryPrimitives.WriteUInt16BigEndian(udp, 40000);
            BinaryPrimitives.WriteUInt16BigEndian(udp[2..], 40002);
            BinaryPrimitives.WriteUInt16BigEndian(udp[4..], 8 + 12 + Samples);
            var rtp = udp[8..];
            rtp[0] = 0x80;
            rtp[1] = 0; // PCMU
            BinaryPrimitives.WriteUInt16BigEndian(rtp[2..], (ushort)n);
            BinaryPrimitives.WriteUInt32BigEndian(rtp[4..], (uint)(n * Samples));
            BinaryPrimitives.WriteUInt32BigEndian(rtp[8..], 0x5eec4000);
            var payload = rtp[12..];
            payload.Fill(0xff); // mu-law silence past the end of the audio
            G711MuLaw.Encode(chunk, payload[..chunk.Length]);
            file.Write(frame);
        }
    }
}
