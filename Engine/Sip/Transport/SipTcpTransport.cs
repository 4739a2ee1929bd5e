using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace RcmlEngine.Sip.Transport;

/// <summary>
/// SIP over TCP (RFC 3261 18): a listener plus every open connection, inbound and outbound. A
/// connection to a peer is reused for later messages to the same address. The connection count is capped:
/// overall, per source address for inbound connections, and with room kept for outbound ones, so that
/// one client cannot take every connection, nor stop the engine from reaching its trunks.
/// </summary>
internal sealed class SipTcpTransport : ISipTransport
{
    private readonly Socket _listener;
    private readonly SipTransportOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<long, SipTcpConnection> _byId = new();
    private readonly ConcurrentDictionary<IPEndPoint, SipTcpConnection> _byRemote = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _acceptLoop;

    public SipTcpTransport(IPEndPoint bind, ISipReceiveSink sink, SipTransportOptions options, TimeProvider time)
    {
        Sink = sink;
        _options = options;
        _time = time;
        _listener = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Bind(bind);
        _listener.Listen(512);
        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
    }

    public SipTransportKind Kind => SipTransportKind.Tcp;

    public IPEndPoint LocalEndPoint { get; }

    public int ConnectionCount => _byId.Count;

    internal ISipReceiveSink Sink { get; }

    public void Start() => _acceptLoop ??= Task.Run(AcceptLoopAsync);

    public async ValueTask SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> data, long connectionId, CancellationToken cancellationToken)
    {
        if (connectionId == 0 || !_byId.TryGetValue(connectionId, out var connection) || !connection.IsOpen)
        {
            connection = await GetOrConnectAsync(SipTcpConnection.Normalize(remote), cancellationToken);
        }

        await connection.SendAsync(data, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        foreach (var connection in _byId.Values)
        {
            await connection.DisposeAsync();
        }

        _stop.Dispose();
    }

    internal void Forget(SipTcpConnection connection)
    {
        _byId.TryRemove(connection.Id, out _);
        _byRemote.TryRemove(new KeyValuePair<IPEndPoint, SipTcpConnection>(connection.Remote, connection));
    }

    private async Task<SipTcpConnection> GetOrConnectAsync(IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (_byRemote.TryGetValue(remote, out var existing) && existing.IsOpen)
        {
            return existing;
        }

        if (_byId.Count >= _options.MaxTcpConnections)
        {
            throw new SipTransportException($"TCP connection cap of {_options.MaxTcpConnections} reached; cannot connect to {remote}");
        }

        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(_options.TcpConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await socket.ConnectAsync(remote, linked.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw new SipTransportException($"TCP connect to {remote} failed: {ex.Message}", ex);
        }

        var connection = Track(socket, inbound: false);
        _byRemote[remote] = connection;
        return connection;
    }

    /// <summary>Why a new inbound connection from <paramref name="source"/> is refused, or null when it may stay.</summary>
    private string? InboundRefusal(IPAddress source)
    {
        // Only the accept loop adds inbound connections, so these counts cannot grow under it.
        int inbound = 0, fromSource = 0;
        foreach (var connection in _byId.Values)
        {
            if (connection.Inbound)
            {
                inbound++;
                fromSource += connection.Remote.Address.Equals(source) ? 1 : 0;
            }
        }

        var inboundCap = _options.MaxTcpConnections - _options.TcpOutboundReserve;
        if (inbound >= inboundCap || _byId.Count >= _options.MaxTcpConnections)
        {
            return $"TCP connection cap reached ({inboundCap} inbound, {_options.TcpOutboundReserve} more kept for outbound); connection refused";
        }

        return fromSource >= _options.MaxTcpConnectionsPerSource
            ? $"{_options.MaxTcpConnectionsPerSource} TCP connections from this address already open; connection refused"
            : null;
    }

    private SipTcpConnection Track(Socket socket, bool inbound)
    {
        var connection = new SipTcpConnection(socket, this, _options, _time, inbound);
        _byId[connection.Id] = connection;
        _byRemote.TryAdd(connection.Remote, connection);
        connection.Start();
        return connection;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            var remote = SipTcpConnection.Normalize((IPEndPoint)socket.RemoteEndPoint!);
            if (InboundRefusal(remote.Address) is { } refusal)
            {
                Sink.OnRejected(new SipRemote(SipTransportKind.Tcp, remote), refusal);
                socket.Dispose();
                continue;
            }

            Track(socket, inbound: true);
        }
    }

    /// <inheritdoc />
    public bool IsOpen(IPEndPoint remote) =>
        _byRemote.TryGetValue(SipTcpConnection.Normalize(remote), out var connection) && connection.IsOpen;
}
