using System.Net;
using System.Net.Sockets;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// Free ports on 127.0.0.1 for peers that cannot take port 0 (sipp): bind both UDP and TCP on 0 and
/// release. Another process could take the port in between, so callers retry on a bind failure.
/// </summary>
internal static class FreePorts
{
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
            }
        }
    }
}
