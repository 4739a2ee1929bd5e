using System.Net;
using System.Net.Sockets;
using RcmlEngine.Hosting;

namespace RcmlEngine.Cli;

/// <summary>
/// Before <c>rcml serve</c> starts anything: is each configured port free? A port another program holds is
/// named with its setting, address and the flag that changes it, instead of a stack trace from deep in the
/// start. Ports given as 0 (any free port) are not checked.
/// </summary>
internal static class PortPreflight
{
    /// <summary>The sentence naming the first port in use; null when every port can be bound now.</summary>
    public static string? FindConflict(EngineOptions engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        (string Setting, string Address, int Port, ProtocolType Protocol, string Flag)[] ports =
        [
            ("Sip:UdpPort", engine.Sip.ListenAddress, engine.Sip.UdpPort, ProtocolType.Udp, "--sip-port"),
            ("Sip:TcpPort", engine.Sip.ListenAddress, engine.Sip.TcpPort, ProtocolType.Tcp, "--sip-port"),
            ("Http:Port", engine.Http.ListenAddress, engine.Http.Port, ProtocolType.Tcp, "--http-port"),
        ];
        foreach (var (setting, address, port, protocol, flag) in ports)
        {
            if (port > 0 && IPAddress.TryParse(address, out var ip) && InUse(ip, port, protocol))
            {
                return $"{setting} {port} on {address} is in use by another program; stop it, or pass {flag} N (0 picks a free port)";
            }
        }

        return null;
    }

    private static bool InUse(IPAddress address, int port, ProtocolType protocol)
    {
        using var socket = new Socket(address.AddressFamily, protocol == ProtocolType.Udp ? SocketType.Dgram : SocketType.Stream, protocol);
        if (protocol == ProtocolType.Tcp)
        {
            // As the servers bind: connections of a previous run still in TIME_WAIT do not hold the port, a listener does.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        }

        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return false;
        }
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return true;
        }
    }
}
