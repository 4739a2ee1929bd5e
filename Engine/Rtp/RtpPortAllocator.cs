using System.Net;
using System.Net.Sockets;

namespace RcmlEngine.Rtp;

/// <summary>
/// Hands out RTP/RTCP port pairs from the configured range: an even port for RTP and the odd one
/// above it for RTCP (RFC 3550 11). It walks the range from where it last stopped, so a port just
/// freed is reused last (late packets of an ended call do not reach a new one), and skips ports
/// another program holds. Thread-safe.
/// </summary>
internal sealed class RtpPortAllocator
{
    private readonly Lock _lock = new();
    private readonly HashSet<int> _inUse = [];
    private readonly int _first;
    private readonly int _pairs;
    private int _next;

    /// <summary>Creates an allocator over [<paramref name="minPort"/>, <paramref name="maxPort"/>].</summary>
    public RtpPortAllocator(int minPort, int maxPort)
    {
        _first = minPort % 2 == 0 ? minPort : minPort + 1;
        _pairs = (maxPort - _first + 1) / 2;
        if (minPort < 1 || maxPort > 65535 || _pairs < 1)
        {
            throw new ArgumentException($"RTP port range {minPort}-{maxPort} holds no even/odd pair within 1-65535");
        }
    }

    /// <summary>Creates an allocator from the options' range.</summary>
    public RtpPortAllocator(RtpOptions options)
        : this(options.MinPort, options.MaxPort)
    {
    }

    /// <summary>Pairs currently handed out.</summary>
    public int InUse
    {
        get
        {
            lock (_lock)
            {
                return _inUse.Count;
            }
        }
    }

    /// <summary>Binds the next free pair on <paramref name="address"/>; throws when the range is exhausted.</summary>
    public RtpSocketPair Allocate(IPAddress address)
    {
        for (var attempt = 0; attempt < _pairs; attempt++)
        {
            var port = Reserve();
            if (port < 0)
            {
                break;
            }

            Socket? rtp = null;
            try
            {
                rtp = RtpSocketPair.Bind(address, port);
                var rtcp = RtpSocketPair.Bind(address, port + 1);
                return new RtpSocketPair(rtp, rtcp, Release);
            }
            catch (SocketException)
            {
                // Taken by another program: leave it marked until the walk comes round again.
                rtp?.Dispose();
                Release(port);
            }
        }

        throw new InvalidOperationException(
            $"no free RTP port pair in {_first}-{_first + (2 * _pairs) - 1} on {address} ({InUse} pairs in use)");
    }

    private int Reserve()
    {
        lock (_lock)
        {
            for (var i = 0; i < _pairs; i++)
            {
                var port = _first + (2 * ((_next + i) % _pairs));
                if (_inUse.Add(port))
                {
                    _next = (_next + i + 1) % _pairs;
                    return port;
                }
            }

            return -1;
        }
    }

    private void Release(int port)
    {
        lock (_lock)
        {
            _inUse.Remove(port);
        }
    }
}
