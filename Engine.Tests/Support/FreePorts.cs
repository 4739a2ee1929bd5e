using System.Net;
using System.Net.Sockets;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// Ports on 127.0.0.1 that are free right now, for peers that cannot take port 0 (SIPp, baresip).
/// Another process could take a port in between, so callers retry on a bind failure.
/// </summary>
internal static class FreePorts
{
    /// <summary>
    /// The first port of this test process's block of 40 RTP ports between 46000 and 58000 (by process
    /// id, so parallel runs rarely meet), for media sessions' port ranges.
    /// </summary>
    public static int MediaRangeStart { get; } = 46000 + (Environment.ProcessId % 300 * 40);

    /// <summary>A port free for both UDP and TCP (a SIP listener uses both).</summary>
    public static int Pick()
    {
        while (true)
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // Taken for UDP; try another.
            }
        }
    }

    /// <summary>A free UDP port chosen by the system.</summary>
    public static int Udp()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>An even port such that it and the three above it are free (SIPp's media port, +1, +2, +3).</summary>
    public static int UdpMediaBlock()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Udp() & ~1;
            if (port + 3 > 65535)
            {
                continue;
            }

            var sockets = new List<Socket>();
            try
            {
                for (var p = port; p < port + 4; p++)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    sockets.Add(socket);
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, p));
                }

                return port;
            }
            catch (SocketException)
            {
                // Part of the block is taken; try another.
            }
            finally
            {
                sockets.ForEach(s => s.Dispose());
            }
        }

        throw new InvalidOperationException("no free block of four UDP ports on 127.0.0.1");
    }
}
