using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace RcmlEngine.Sip.Transport;

/// <summary>
/// SIP over UDP (RFC 3261 18): one socket, one receive loop into one pooled buffer; every datagram
/// is handed to the sink while the buffer is still valid, so nothing is allocated per datagram here.
/// </summary>
internal sealed class SipUdpTransport : ISipTransport
{
    private const int MaxDatagram = 65535;
    private readonly Socket _socket;
    private readonly ISipReceiveSink _sink;
    private readonly int _maxMessageSize;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public SipUdpTransport(IPEndPoint bind, ISipReceiveSink sink, int maxMessageSize)
    {
        _sink = sink;
        _maxMessageSize = maxMessageSize;
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (bind.AddressFamily == AddressFamily.InterNetworkV6)
        {
            _socket.DualMode = false;
        }

        _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        _socket.SendBufferSize = 4 * 1024 * 1024;
        _socket.Bind(bind);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public SipTransportKind Kind => SipTransportKind.Udp;

    public IPEndPoint LocalEndPoint { get; }

    public void Start() => _loop ??= Task.Run(ReceiveLoopAsync);

    public async ValueTask SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> data, long connectionId, CancellationToken cancellationToken)
    {
        try
        {
            await _socket.SendToAsync(data, SocketFlags.None, remote, cancellationToken);
        }
        catch (SocketException ex)
        {
            throw new SipTransportException($"UDP send to {remote} failed: {ex.SocketErrorCode}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await _socket.ReceiveFromAsync(buffer.AsMemory(0, MaxDatagram), SocketFlags.None, any, _stop.Token);
                }
                catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
                {
                    // An ICMP port-unreachable from an earlier send, or a truncated datagram: not fatal.
                    continue;
                }

                var source = new SipRemote(SipTransportKind.Udp, (IPEndPoint)received.RemoteEndPoint);
                if (received.ReceivedBytes > _maxMessageSize)
                {
                    _sink.OnRejected(source, $"datagram of {received.ReceivedBytes} bytes exceeds {_maxMessageSize}");
                    continue;
                }

                _sink.OnReceived(buffer.AsSpan(0, received.ReceivedBytes), source, this);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
