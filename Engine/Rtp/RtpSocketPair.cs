using System.Net;
using System.Net.Sockets;

namespace RcmlEngine.Rtp;

/// <summary>Two bound UDP sockets: RTP on an even port and RTCP on the next one (RFC 3550 11). Disposing frees the ports.</summary>
internal sealed class RtpSocketPair : IDisposable
{
    private readonly Action<int>? _release;
    private int _disposed;

    /// <summary>Takes ownership of two bound sockets; <paramref name="release"/> runs once on dispose.</summary>
    public RtpSocketPair(Socket rtp, Socket rtcp, Action<int>? release = null)
    {
        Rtp = rtp;
        Rtcp = rtcp;
        _release = release;
    }

    /// <summary>The RTP socket.</summary>
    public Socket Rtp { get; }

    /// <summary>The RTCP socket.</summary>
    public Socket Rtcp { get; }

    /// <summary>Where the RTP socket is bound.</summary>
    public IPEndPoint RtpEndPoint => (IPEndPoint)Rtp.LocalEndPoint!;

    /// <summary>Where the RTCP socket is bound.</summary>
    public IPEndPoint RtcpEndPoint => (IPEndPoint)Rtcp.LocalEndPoint!;

    /// <summary>Opens a UDP socket bound to an address and port; IPv6 any also accepts IPv4 (dual mode).</summary>
    public static Socket Bind(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.Bind(new IPEndPoint(address, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var port = ((IPEndPoint?)Rtp.LocalEndPoint)?.Port ?? 0;
        Rtp.Dispose();
        Rtcp.Dispose();
        _release?.Invoke(port);
    }
}
