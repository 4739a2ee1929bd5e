using System.Net;
using System.Net.Sockets;

namespace RcmlEngine.Rtp;

/// <summary>A socket whose datagrams the <see cref="RtpReceivePoller"/> reads and hands over, on the poller's thread.</summary>
internal interface IPolledReceiver
{
    /// <summary>The socket to read (never used for asynchronous operations).</summary>
    Socket Socket { get; }

    /// <summary>Handles one datagram; must not block. The spans are valid only during the call.</summary>
    void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress from);
}
