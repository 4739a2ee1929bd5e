using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace RcmlEngine.Rtp;

/// <summary>
/// Hands out RTP/RTCP port pairs from the configured range: an even port for RTP and the odd one
/// above it for RTCP (RFC 3550 11). Each allocation starts at a random pair of the range (from a
/// cryptographic generator) and takes the first free one from there, so the next call's port cannot
/// be guessed from the last one's (an attacker who could would race the caller's first packets); it
/// skips ports another program holds. Thread-safe.
/// </summary>
internal sealed class RtpPortAllocator
{
    private readonly Lock _lock = new();
    private readonly HashSet<int> _inUse = [];
    private readonly int _first;
    private readonly int _pairs;

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
        HashSet<int>? taken = null;
        for (var attempt = 0; attempt < _pairs; attempt++)
        {
            var port = Reserve(taken);
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
                // Taken by another program: not tried again by this allocation.
                rtp?.Dispose();
                Release(port);
                (taken ??= []).Add(port);
            }
        }

        throw new InvalidOperationException(
            $"no free RTP port pair in {_first}-{_first + (2 * _pairs) - 1} on {address} ({InUse} pairs in use)");
    }

    private int Reserve(HashSet<int>? taken)
    {
        var start = RandomNumberGenerator.GetInt32(_pairs);
        lock (_lock)
        {
            for (var i = 0; i < _pairs; i++)
            {
                var port = _first + (2 * ((start + i) % _pairs));
                if (taken?.Contains(port) != true && _inUse.Add(port))
                {
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
