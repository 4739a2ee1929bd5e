using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace RcmlEngine.Rtp.Receive;

/// <summary>
/// Room for the datagrams one read returns: a buffer, a length and a source address each, allocated once
/// per receive thread and pinned (recvmmsg(2) writes into them directly; no allocation per packet).
/// </summary>
internal sealed class ReceivedDatagrams
{
    /// <summary>The largest datagram kept; a longer one is dropped (RTP over UDP stays under the path MTU).</summary>
    public const int MaxDatagram = 2048;

    /// <summary>The largest native socket address (sockaddr_in6).</summary>
    public const int MaxAddress = 28;

    // SocketAddress compares its whole buffer, so each family gets one of its exact size.
    private const int IPv4Address = 16;

    private readonly int[] _lengths;
    private readonly SocketAddress[] _fromV4;
    private readonly SocketAddress[] _fromV6;
    private readonly SocketAddress[] _from;

    /// <summary>Room for <paramref name="capacity"/> datagrams.</summary>
    public ReceivedDatagrams(int capacity)
    {
        Capacity = capacity;
        Buffers = GC.AllocateArray<byte>(capacity * MaxDatagram, pinned: true);
        Addresses = GC.AllocateArray<byte>(capacity * MaxAddress, pinned: true);
        _lengths = new int[capacity];
        _from = new SocketAddress[capacity];
        _fromV4 = new SocketAddress[capacity];
        _fromV6 = new SocketAddress[capacity];
        for (var i = 0; i < capacity; i++)
        {
            _fromV4[i] = new SocketAddress(AddressFamily.InterNetwork, IPv4Address);
            _fromV6[i] = new SocketAddress(AddressFamily.InterNetworkV6, MaxAddress);
            _from[i] = _fromV6[i];
        }
    }

    /// <summary>How many datagrams one read may return.</summary>
    public int Capacity { get; }

    /// <summary>The datagram buffers, <see cref="MaxDatagram"/> bytes each, pinned.</summary>
    public byte[] Buffers { get; }

    /// <summary>The native source addresses, <see cref="MaxAddress"/> bytes each, pinned.</summary>
    public byte[] Addresses { get; }

    /// <summary>Datagram <paramref name="index"/> of the last read.</summary>
    public ReadOnlySpan<byte> Datagram(int index) => Buffers.AsSpan(index * MaxDatagram, _lengths[index]);

    /// <summary>Where datagram <paramref name="index"/> came from (reused by the next read).</summary>
    public SocketAddress From(int index) => _from[index];

    /// <summary>The address of datagram <paramref name="index"/>'s buffer.</summary>
    public nint BufferAddress(int index) => Marshal.UnsafeAddrOfPinnedArrayElement(Buffers, index * MaxDatagram);

    /// <summary>The address of datagram <paramref name="index"/>'s native source address.</summary>
    public nint AddressAddress(int index) => Marshal.UnsafeAddrOfPinnedArrayElement(Addresses, index * MaxAddress);

    /// <summary>
    /// Records datagram <paramref name="index"/>: its length and its native source address of
    /// <paramref name="addressLength"/> bytes, read into room <paramref name="readInto"/> (moved down when
    /// an earlier one was dropped).
    /// </summary>
    public void Set(int index, int length, int addressLength, int readInto)
    {
        if (readInto != index)
        {
            Buffers.AsSpan(readInto * MaxDatagram, length).CopyTo(Buffers.AsSpan(index * MaxDatagram));
            Addresses.AsSpan(readInto * MaxAddress, MaxAddress).CopyTo(Addresses.AsSpan(index * MaxAddress));
        }

        _lengths[index] = length;
        var from = addressLength == IPv4Address ? _fromV4[index] : _fromV6[index];
        Addresses.AsSpan(index * MaxAddress, from.Size).CopyTo(from.Buffer.Span);
        _from[index] = from;
    }

    /// <summary>Records datagram <paramref name="index"/> read by a managed receive into its buffer, from <paramref name="from"/>.</summary>
    public void Set(int index, int length, SocketAddress from)
    {
        _lengths[index] = length;
        var target = from.Size == IPv4Address ? _fromV4[index] : _fromV6[index];
        from.Buffer.Span[..from.Size].CopyTo(target.Buffer.Span);
        _from[index] = target;
    }
}
