using System.Net;
using System.Net.Sockets;

namespace RcmlEngine.Tests.Support;

/// <summary>UDP ports on 127.0.0.1 that are free right now, for peers (SIPp) that must be told a port.</summary>
internal static class FreePorts
{
    /// <summary>A free port chosen by the system.</summary>
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
