using System.Net;
using System.Net.Sockets;

namespace RcmlEngine.Rtp.Receive;

/// <summary>
/// Readiness by poll(2) over every socket (<c>Socket.Select</c> on Windows) and plain synchronous
/// receives: where epoll and recvmmsg are not available. Costs a look at each socket per wait, so it
/// suits small numbers of calls.
/// </summary>
internal sealed class PollReceiveBackend : IReceiveBackend
{
    // No wake-up descriptor here: a wait is cut to this, so stopping is noticed soon enough.
    private const int MaxWaitMs = 10;

    private readonly Lock _lock = new();
    private readonly Dictionary<long, Socket> _sockets = [];
    private readonly SocketPoll _poll = new();
    private readonly SocketAddress _fromV4 = new(AddressFamily.InterNetwork);
    private readonly SocketAddress _fromV6 = new(AddressFamily.InterNetworkV6);
    private readonly Action<int> _onReadable;
    private long[] _tokens = [];
    private bool _changed = true;
    private long[] _found = new long[64];
    private int _foundCount;

    /// <summary>Creates an empty set.</summary>
    public PollReceiveBackend() => _onReadable = OnReadable;

    /// <inheritdoc />
    public void Add(Socket socket, long token)
    {
        ObjectDisposedException.ThrowIf(socket.SafeHandle.IsClosed, socket);
        lock (_lock)
        {
            _sockets[token] = socket;
            _changed = true;
        }
    }

    /// <inheritdoc />
    public void Remove(Socket socket, long token)
    {
        lock (_lock)
        {
            _sockets.Remove(token);
            _changed = true;
        }
    }

    /// <inheritdoc />
    public int Wait(Span<long> ready, int timeoutMs)
    {
        lock (_lock)
        {
            if (_changed)
            {
                _changed = false;
                _tokens = [.. _sockets.Keys];
                _poll.Reset(_tokens.Select(t => _sockets[t]).ToArray());
            }
        }

        if (_found.Length < ready.Length)
        {
            _found = new long[ready.Length];
        }

        _foundCount = 0;
        _poll.ForEachReadable(_onReadable, timeoutMs < 0 ? MaxWaitMs : Math.Min(timeoutMs, MaxWaitMs));
        var count = Math.Min(_foundCount, ready.Length);
        _found.AsSpan(0, count).CopyTo(ready);
        return count;
    }

    /// <inheritdoc />
    public void Wake()
    {
        // A wait ends by itself within MaxWaitMs.
    }

    /// <inheritdoc />
    public int Receive(Socket socket, ReceivedDatagrams batch)
    {
        var from = socket.AddressFamily == AddressFamily.InterNetworkV6 ? _fromV6 : _fromV4;
        var count = 0;
        while (count < batch.Capacity && socket.Available > 0)
        {
            var length = socket.ReceiveFrom(batch.Buffers.AsSpan(count * ReceivedDatagrams.MaxDatagram, ReceivedDatagrams.MaxDatagram), SocketFlags.None, from);
            batch.Set(count++, length, from);
        }

        return count;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void OnReadable(int index)
    {
        if (_foundCount < _found.Length)
        {
            _found[_foundCount++] = _tokens[index];
        }
    }
}
