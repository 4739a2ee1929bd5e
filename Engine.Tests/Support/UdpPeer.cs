using System.Net;
using System.Net.Sockets;
using System.Text;
using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Tests.Support;

/// <summary>A raw UDP socket on 127.0.0.1 playing the far end in transport and transaction tests.</summary>
internal sealed class UdpPeer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public UdpPeer()
        : this(IPAddress.Loopback)
    {
    }

    /// <summary>A peer on another loopback address (127.0.0.2...), to play a second source.</summary>
    public UdpPeer(IPAddress address) => _socket.Bind(new IPEndPoint(address, 0));

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public IPEndPoint? LastSource { get; private set; }

    public Task SendAsync(string text, IPEndPoint to) => SendAsync(Encoding.UTF8.GetBytes(text), to);

    public async Task SendAsync(byte[] data, IPEndPoint to) => await _socket.SendToAsync(data, SocketFlags.None, to);

    public Task SendAsync(SipMessage message, IPEndPoint to) => SendAsync(SipWriter.ToBytes(message), to);

    /// <summary>The next datagram as text, unparsed, or null when none arrives within <paramref name="wait"/>.</summary>
    public async Task<string?> ReceiveTextAsync(TimeSpan wait)
    {
        var buffer = new byte[65535];
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
            return Encoding.UTF8.GetString(buffer, 0, result.ReceivedBytes);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The next message, or null when none arrives within <paramref name="wait"/>.</summary>
    public async Task<SipMessage?> ReceiveAsync(TimeSpan wait)
    {
        var buffer = new byte[65535];
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
            LastSource = (IPEndPoint)result.RemoteEndPoint;
            var parsed = SipParser.Parse(buffer.AsSpan(0, result.ReceivedBytes));
            parsed.Success.Should().BeTrue(parsed.Describe());
            return parsed.Message;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async Task<SipMessage> ExpectAsync(TimeSpan? wait = null) =>
        await ReceiveAsync(wait ?? TimeSpan.FromSeconds(3)) ?? throw new AssertionException("the peer expected a SIP message and got none");

    public void Dispose() => _socket.Dispose();
}
