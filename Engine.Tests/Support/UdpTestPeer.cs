using System.Net;
using System.Net.Sockets;
using RcmlEngine.Rtp;
using RcmlEngine.Rtp.Codecs;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// The far end of an RTP session in tests: an RTP and an RTCP socket on 127.0.0.1, or another
/// loopback address (ports chosen by the system), that send hand-made packets and collect what arrives.
/// </summary>
internal sealed class UdpTestPeer : IDisposable
{
    public UdpTestPeer(IPAddress? address = null)
    {
        Rtp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        Rtp.Bind(new IPEndPoint(address ?? IPAddress.Loopback, 0));
        Rtcp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        Rtcp.Bind(new IPEndPoint(address ?? IPAddress.Loopback, 0));
    }

    public Socket Rtp { get; }

    public Socket Rtcp { get; }

    public IPEndPoint RtpEndPoint => (IPEndPoint)Rtp.LocalEndPoint!;

    public IPEndPoint RtcpEndPoint => (IPEndPoint)Rtcp.LocalEndPoint!;

    /// <summary>Sends one RTP packet to <paramref name="target"/>.</summary>
    public void SendRtp(IPEndPoint target, byte payloadType, ushort sequence, uint timestamp, ReadOnlySpan<byte> payload, bool marker = false, uint ssrc = 0x5EED)
    {
        var packet = new byte[RtpHeader.FixedLength + payload.Length];
        RtpHeader.Write(packet, marker, payloadType, sequence, timestamp, ssrc);
        payload.CopyTo(packet.AsSpan(RtpHeader.FixedLength));
        Rtp.SendTo(packet, target);
    }

    /// <summary>Sends G.711 frames of <paramref name="samples"/>, <paramref name="perPacket"/> samples each.</summary>
    public void SendAudio(IPEndPoint target, G711Codec codec, short[] samples, int perPacket = 160, ushort firstSequence = 100)
    {
        for (var i = 0; i * perPacket < samples.Length; i++)
        {
            var frame = samples.AsSpan(i * perPacket, Math.Min(perPacket, samples.Length - (i * perPacket)));
            var payload = new byte[frame.Length];
            codec.Encode(frame, payload);
            SendRtp(target, (byte)codec.StaticPayloadType, (ushort)(firstSequence + i), (uint)(i * perPacket), payload, marker: i == 0);
        }
    }

    /// <summary>Sends G.711 frames in real time, one packet time apart, as a phone would.</summary>
    public async Task SendAudioPacedAsync(IPEndPoint target, G711Codec codec, short[] samples, CancellationToken cancellationToken, int perPacket = 160, ushort firstSequence = 100)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(perPacket / 8), TimeProvider.System);
        for (var i = 0; i * perPacket < samples.Length; i++)
        {
            var frame = samples.AsSpan(i * perPacket, Math.Min(perPacket, samples.Length - (i * perPacket)));
            var payload = new byte[frame.Length];
            codec.Encode(frame, payload);
            SendRtp(target, (byte)codec.StaticPayloadType, (ushort)(firstSequence + i), (uint)(i * perPacket), payload, marker: i == 0);
            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    /// <summary>Collects every RTP packet arriving from now on, until disposed.</summary>
    public RtpCapture Capture() => new(Rtp);

    /// <summary>Receives RTP packets until <paramref name="count"/> arrived; returns them whole.</summary>
    public async Task<List<byte[]>> ReceiveRtpAsync(int count, CancellationToken cancellationToken) =>
        await ReceiveAsync(Rtp, count, cancellationToken);

    /// <summary>Receives RTCP packets until <paramref name="count"/> arrived.</summary>
    public async Task<List<byte[]>> ReceiveRtcpAsync(int count, CancellationToken cancellationToken) =>
        await ReceiveAsync(Rtcp, count, cancellationToken);

    public void Dispose()
    {
        Rtp.Dispose();
        Rtcp.Dispose();
    }

    private static async Task<List<byte[]>> ReceiveAsync(Socket socket, int count, CancellationToken cancellationToken)
    {
        var packets = new List<byte[]>(count);
        var buffer = new byte[2048];
        while (packets.Count < count)
        {
            var length = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            packets.Add(buffer[..length]);
        }

        return packets;
    }
}
