using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace RcmlEngine.Sip.Transport;

/// <summary>
/// One TCP connection: frames the stream into messages, and cuts the peer off when it goes idle,
/// dribbles a message slower than the message timeout, exceeds the size cap, or (inbound) sends no
/// valid SIP message within the first-message timeout of connecting.
/// </summary>
internal sealed class SipTcpConnection : IAsyncDisposable
{
    private static long _nextId;
    private readonly Socket _socket;
    private readonly SipTcpTransport _owner;
    private readonly SipTransportOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private Task? _loop;

    public SipTcpConnection(Socket socket, SipTcpTransport owner, SipTransportOptions options, TimeProvider time, bool inbound)
    {
        Inbound = inbound;
        _socket = socket;
        _socket.NoDelay = true;
        _owner = owner;
        _options = options;
        _time = time;
        Id = Interlocked.Increment(ref _nextId);
        Remote = Normalize((IPEndPoint)socket.RemoteEndPoint!);
    }

    public long Id { get; }

    public IPEndPoint Remote { get; }

    /// <summary>True when the peer connected to us (false: we connected to it).</summary>
    public bool Inbound { get; }

    public bool IsOpen => !_closed.IsCancellationRequested;

    public void Start() => _loop ??= Task.Run(ReadLoopAsync);

    public async ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            while (!data.IsEmpty)
            {
                var sent = await _socket.SendAsync(data, SocketFlags.None, cancellationToken);
                data = data[sent..];
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            Close();
            throw new SipTransportException($"TCP send to {Remote} failed: {ex.Message}", ex);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Close()
    {
        if (_closed.IsCancellationRequested)
        {
            return;
        }

        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        _socket.Dispose();
        _owner.Forget(this);
    }

    public async ValueTask DisposeAsync()
    {
        Close();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    internal static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    private async Task ReadLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(8192);
        var filled = 0;
        var source = new SipRemote(SipTransportKind.Tcp, Remote, Id);
        long? messageStarted = null;
        var opened = _time.GetTimestamp();

        // What we connected to is trusted to speak SIP; an inbound peer proves it with one valid message.
        var proven = !Inbound;
        using var timeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _closed.Token);
        try
        {
            while (true)
            {
                // Idle peers get the idle timeout; a peer in the middle of a message gets what is left of the message timeout;
                // a peer yet to send a valid message, at most what is left of the first-message timeout.
                var wait = _options.TcpIdleTimeout;
                var expiry = $"idle for {_options.TcpIdleTimeout.TotalSeconds:0} s, connection closed";
                if (messageStarted is { } started)
                {
                    var left = _options.TcpMessageTimeout - _time.GetElapsedTime(started);
                    if (left <= TimeSpan.Zero)
                    {
                        _owner.Sink.OnRejected(source, $"message not finished within {_options.TcpMessageTimeout.TotalSeconds:0} s, peer cut off");
                        return;
                    }

                    wait = left;
                    expiry = $"message not finished within {_options.TcpMessageTimeout.TotalSeconds:0} s, peer cut off";
                }

                if (!proven)
                {
                    var left = _options.TcpFirstMessageTimeout - _time.GetElapsedTime(opened);
                    var noMessage = $"no valid SIP message within {_options.TcpFirstMessageTimeout.TotalSeconds:0} s of connecting, connection closed";
                    if (left <= TimeSpan.Zero)
                    {
                        _owner.Sink.OnRejected(source, noMessage);
                        return;
                    }

                    if (left < wait)
                    {
                        wait = left;
                        expiry = noMessage;
                    }
                }

                timeout.CancelAfter(wait);
                if (filled == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, _options.MaxMessageSize + 4));
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                int read;
                try
                {
                    read = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, linked.Token);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_closed.IsCancellationRequested)
                {
                    _owner.Sink.OnRejected(source, expiry);
                    return;
                }

                if (read == 0)
                {
                    return;
                }

                filled += read;
                messageStarted ??= _time.GetTimestamp();
                var consumed = 0;
                while (true)
                {
                    var frame = SipStreamFramer.TryFrame(buffer.AsSpan(consumed, filled - consumed), _options.MaxMessageSize, out var start, out var length, out var error);
                    if (frame == SipStreamFramer.Frame.Invalid)
                    {
                        _owner.Sink.OnRejected(source, $"{error}; peer cut off");
                        return;
                    }

                    if (frame == SipStreamFramer.Frame.KeepAlive)
                    {
                        consumed += start;
                        break;
                    }

                    if (frame == SipStreamFramer.Frame.Incomplete)
                    {
                        consumed += start;
                        break;
                    }

                    proven |= _owner.Sink.OnReceived(buffer.AsSpan(consumed + start, length), source, _owner);
                    consumed += start + length;
                }

                if (consumed > 0)
                {
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                }

                messageStarted = filled == 0 ? null : messageStarted;
                if (filled == buffer.Length && buffer.Length >= _options.MaxMessageSize + 4)
                {
                    _owner.Sink.OnRejected(source, $"message exceeds {_options.MaxMessageSize} bytes; peer cut off");
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Close();
        }
    }
}
