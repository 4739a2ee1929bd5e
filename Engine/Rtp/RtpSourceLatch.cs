using System.Net;
using System.Net.Sockets;

namespace RcmlEngine.Rtp;

/// <summary>
/// Which sources of a session's RTP (or RTCP) packets are accepted, and where replies go. Packets
/// from the address and port the peer signalled in SDP are always accepted, and make that the
/// target again. Before anything else is latched, and only within the latch window (from when media
/// starts or the signalled address changes), the first source from another port of the signalled
/// address is latched and answered; with symmetric latching on, one from any address. A latched
/// source is never replaced by another, however long it is silent: only a new signalled address (a
/// re-INVITE) forgets it. A source port of 0 (RFC 768: no reply expected; SIPp's pcap replay sends
/// so) is accepted from the signalled address but never latched.
/// </summary>
internal sealed class RtpSourceLatch
{
    private readonly TimeProvider _time;
    private readonly bool _anyAddress;
    private readonly TimeSpan _window;
    private readonly Lock _lock = new();
    private volatile SocketAddress? _signalled;
    private volatile SocketAddress? _latched;
    private long _windowOpened;

    /// <summary>Creates a latch with the session's options.</summary>
    public RtpSourceLatch(TimeProvider time, RtpOptions options)
    {
        _time = time;
        _anyAddress = options.SymmetricLatching;
        _window = options.LatchWindow;
        _windowOpened = time.GetTimestamp();
    }

    /// <summary>Where to send: the latched source, else the signalled address; null sends nothing.</summary>
    public SocketAddress? Target => _latched ?? _signalled;

    /// <summary>The address and port the peer signalled.</summary>
    public SocketAddress? Signalled => _signalled;

    /// <summary>A (re-)negotiated signalled address: forgets the latched source and opens the window again.</summary>
    public void Reset(SocketAddress? signalled)
    {
        lock (_lock)
        {
            _signalled = signalled;
            _latched = null;
            _windowOpened = _time.GetTimestamp();
        }
    }

    /// <summary>Media starts: the window opens now unless a source is latched already.</summary>
    public void Open()
    {
        lock (_lock)
        {
            if (_latched is null)
            {
                _windowOpened = _time.GetTimestamp();
            }
        }
    }

    /// <summary>
    /// Whether a packet from <paramref name="from"/> is accepted. <paramref name="moved"/> says the
    /// target changed to it (for the log).
    /// </summary>
    public bool Accept(SocketAddress from, out bool moved)
    {
        moved = false;
        var latched = _latched;
        if (latched is not null && latched.Equals(from))
        {
            return true;
        }

        var signalled = _signalled;
        if (signalled is not null && signalled.Equals(from))
        {
            if (latched is not null)
            {
                // The peer's own signalled port wins over what was latched in the window.
                lock (_lock)
                {
                    moved = ReferenceEquals(_signalled, signalled);
                    _latched = moved ? null : _latched;
                }
            }

            return true;
        }

        var sameAddress = signalled is not null && SameAddress(from, signalled);
        if (from.Size >= 4 && from[2] == 0 && from[3] == 0)
        {
            return sameAddress || (_anyAddress && latched is null && InWindow());
        }

        if (latched is not null || !(sameAddress || _anyAddress))
        {
            return false;
        }

        lock (_lock)
        {
            if (_latched is not null || !ReferenceEquals(_signalled, signalled) || !InWindow())
            {
                return false;
            }

            _latched = Copy(from);
            moved = true;
            return true;
        }
    }

    private bool InWindow() => _time.GetElapsedTime(Volatile.Read(ref _windowOpened)) < _window;

    /// <summary>Same family and host address, whatever the ports (sockaddr_in / sockaddr_in6 layout).</summary>
    private static bool SameAddress(SocketAddress a, SocketAddress b)
    {
        if (a.Family != b.Family)
        {
            return false;
        }

        var (offset, length) = a.Family == AddressFamily.InterNetworkV6 ? (8, 16) : (4, 4);
        if (a.Size < offset + length || b.Size < offset + length)
        {
            return false;
        }

        return a.Buffer.Span.Slice(offset, length).SequenceEqual(b.Buffer.Span.Slice(offset, length));
    }

    private static SocketAddress Copy(SocketAddress address)
    {
        var copy = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span[..address.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }
}
