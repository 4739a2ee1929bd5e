using System.Net.Sockets;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// SIPp's <c>play_pcap_audio</c> sends its RTP through a raw socket, which needs CAP_NET_RAW (root, or the
/// capability granted). Probed by opening one, not by the user's name.
/// </summary>
internal static class RawSockets
{
    /// <summary>Whether this process may open a raw IPv4 socket.</summary>
    public static bool Available()
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Udp);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Skips the calling test (fails it in CI) when raw sockets cannot be opened.</summary>
    public static void Require()
    {
        if (!Available())
        {
            TestEnvironment.Unavailable("SIPp's play_pcap_audio opens a raw socket, which needs CAP_NET_RAW (root)");
        }
    }
}
