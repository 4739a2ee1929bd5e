using System.Buffers.Binary;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using static RcmlEngine.Rtp.Receive.LinuxSocketCalls;

namespace RcmlEngine.Rtp.Receive;

/// <summary>
/// Readiness by epoll(7), level-triggered, for reads only (no EPOLLOUT wake-ups from the pacer's sends),
/// so a wait costs nothing per idle socket; every datagram waiting on a readable socket comes in one
/// recvmmsg(2) call. An eventfd ends a wait when the loop stops.
/// </summary>
internal sealed class EpollReceiveBackend : IReceiveBackend
{
    // The eventfd's token: never a registration's (those are positive).
    private const long WakeToken = -1;

    private readonly int _epoll;
    private readonly int _wake;
    private readonly byte[] _events;
    private readonly int _maxEvents;
    private readonly byte[] _wakeValue = new byte[8];
    private readonly byte[] _drain = new byte[8];
    private MessageHeader[] _messages = [];
    private IoVector[] _vectors = [];
    private ReceivedDatagrams? _prepared;
    private int _disposed;

    /// <summary>Creates the epoll instance and its wake-up eventfd.</summary>
    public EpollReceiveBackend(int maxEvents = 256)
    {
        _maxEvents = maxEvents;
        _events = GC.AllocateArray<byte>(maxEvents * EpollEventSize, pinned: true);
        _epoll = EpollCreate(EpollCloseOnExec);
        if (_epoll < 0)
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }

        _wake = EventFd(0, EventFdFlags);
        if (_wake < 0 || Control(EpollAdd, _wake, WakeToken) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            _ = Close(_epoll);
            throw new SocketException(error);
        }

        BinaryPrimitives.WriteUInt64LittleEndian(_wakeValue, 1);
    }

    /// <inheritdoc />
    public void Add(Socket socket, long token)
    {
        var added = false;
        var handle = socket.SafeHandle;
        handle.DangerousAddRef(ref added);
        try
        {
            if (Control(EpollAdd, (int)handle.DangerousGetHandle(), token) != 0)
            {
                throw new SocketException(Marshal.GetLastPInvokeError());
            }
        }
        finally
        {
            handle.DangerousRelease();
        }
    }

    /// <inheritdoc />
    public void Remove(Socket socket, long token)
    {
        var added = false;
        try
        {
            // Held so the descriptor cannot be closed and its number reused by another socket meanwhile.
            socket.SafeHandle.DangerousAddRef(ref added);
            _ = Control(EpollDelete, (int)socket.SafeHandle.DangerousGetHandle(), token);
        }
        catch (ObjectDisposedException)
        {
            // Closed already: closing took it out of the epoll set.
        }
        finally
        {
            if (added)
            {
                socket.SafeHandle.DangerousRelease();
            }
        }
    }

    /// <inheritdoc />
    public int Wait(Span<long> ready, int timeoutMs)
    {
        var count = EpollWait(_epoll, _events, Math.Min(_maxEvents, ready.Length), timeoutMs);
        if (count <= 0)
        {
            // 0: nothing came; -1: EINTR (a signal, e.g. the runtime's) or the loop is stopping.
            return 0;
        }

        var found = 0;
        for (var i = 0; i < count; i++)
        {
            var token = BinaryPrimitives.ReadInt64LittleEndian(_events.AsSpan((i * EpollEventSize) + EpollDataOffset, 8));
            if (token == WakeToken)
            {
                _ = Read(_wake, _drain, 8);
                continue;
            }

            ready[found++] = token;
        }

        return found;
    }

    /// <inheritdoc />
    public void Wake() => _ = Write(_wake, _wakeValue, 8);

    /// <inheritdoc />
    public int Receive(Socket socket, ReceivedDatagrams batch)
    {
        Prepare(batch);
        var added = false;
        var handle = socket.SafeHandle;
        int count;
        try
        {
            handle.DangerousAddRef(ref added);
            count = ReceiveMessages((int)handle.DangerousGetHandle(), _messages, (uint)batch.Capacity, DontWait, 0);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        // -1: EAGAIN (taken by another read), or an ICMP error reported for an earlier send: nothing to hand over.
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            ref var message = ref _messages[i];
            if ((message.Flags & Truncated) == 0)
            {
                batch.Set(kept, (int)message.Length, message.NameLength, i);
                kept++;
            }

            message.NameLength = ReceivedDatagrams.MaxAddress;
            message.Flags = 0;
        }

        return kept;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ = Close(_wake);
            _ = Close(_epoll);
        }
    }

    private int Control(int operation, int fd, long token)
    {
        var evt = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(evt, EpollIn);
        BinaryPrimitives.WriteInt64LittleEndian(evt.AsSpan(EpollDataOffset), token);
        return EpollControl(_epoll, operation, fd, evt);
    }

    // Points the message headers at the batch's pinned buffers, once per batch.
    private void Prepare(ReceivedDatagrams batch)
    {
        if (ReferenceEquals(batch, _prepared))
        {
            return;
        }

        _messages = GC.AllocateArray<MessageHeader>(batch.Capacity, pinned: true);
        _vectors = GC.AllocateArray<IoVector>(batch.Capacity, pinned: true);
        for (var i = 0; i < batch.Capacity; i++)
        {
            _vectors[i] = new IoVector { Base = batch.BufferAddress(i), Length = ReceivedDatagrams.MaxDatagram };
            _messages[i] = new MessageHeader
            {
                Name = batch.AddressAddress(i),
                NameLength = ReceivedDatagrams.MaxAddress,
                Vectors = Marshal.UnsafeAddrOfPinnedArrayElement(_vectors, i),
                VectorCount = 1,
            };
        }

        _prepared = batch;
    }
}
