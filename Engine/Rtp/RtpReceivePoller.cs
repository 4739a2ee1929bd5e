using Microsoft.Extensions.Logging;
using RcmlEngine.Rtp.Receive;

namespace RcmlEngine.Rtp;

/// <summary>
/// The threads that read every session's RTP socket (<see cref="RtpOptions.ReceiveThreads"/>, one per core
/// by default), each with its share of the sockets: a new socket goes to the thread with the fewest. On
/// 64-bit Linux a thread sleeps in epoll_wait(2) until one of its sockets is readable and takes all its
/// datagrams in one recvmmsg(2), so a packet is handed over (and a bridge relays it) as soon as it
/// arrives; elsewhere it polls (<see cref="PollReceiveBackend"/>). With <see cref="RtpOptions.ReceiveInterval"/>
/// set, a thread rests that long after each look, so what arrives meanwhile is read together: fewer
/// wake-ups and system calls per packet under load, for up to that much more latency.
/// <para>
/// Why not <c>ReceiveFromAsync</c>: a socket used asynchronously is registered with .NET's own epoll for
/// reads and writes, and every packet the pacer sends from it frees send-buffer space, which wakes the
/// socket engine (EPOLLOUT) for nothing; measured at 1,000 streams that cost twice the pacer's own CPU.
/// Here the sockets are watched for reads only. RTCP sockets, which send rarely, stay asynchronous.
/// </para>
/// </summary>
internal sealed class RtpReceivePoller : IDisposable
{
    private readonly ReceiveLoop[] _loops;

    /// <summary>Creates the poller and starts its threads.</summary>
    public RtpReceivePoller(ILogger<RtpReceivePoller> logger, RtpOptions options)
        : this(logger, runThreads: true, options)
    {
    }

    /// <summary>Creates the poller; without threads (one loop), a test drives it through <see cref="Sweep"/>.</summary>
    internal RtpReceivePoller(ILogger<RtpReceivePoller> logger, bool runThreads, RtpOptions? options = null)
    {
        options ??= new RtpOptions { MediaThreadNice = 0 };
        var threads = runThreads ? ThreadCount(options) : 1;
        _loops = new ReceiveLoop[threads];
        for (var i = 0; i < threads; i++)
        {
            IReceiveBackend backend = LinuxSocketCalls.Available ? new EpollReceiveBackend() : new PollReceiveBackend();
            var name = runThreads ? (threads == 1 ? "rtp-receive" : $"rtp-receive-{i + 1}") : null;
            _loops[i] = new ReceiveLoop(backend, options.ReceiveInterval, logger, name, () => MediaThreadPriority.Apply(options));
        }
    }

    /// <summary>Sockets being read.</summary>
    public int Count => _loops.Sum(l => l.Count);

    /// <summary>Receive threads.</summary>
    public int Threads => _loops.Length;

    /// <summary>Starts reading a receiver's socket; dispose the result to stop (before closing the socket).</summary>
    public IDisposable Register(IPolledReceiver receiver)
    {
        var least = _loops[0];
        foreach (var loop in _loops)
        {
            if (loop.Count < least.Count)
            {
                least = loop;
            }
        }

        return least.Add(receiver);
    }

    /// <summary>Reads every socket with datagrams waiting, without waiting; returns the datagrams handed over.</summary>
    internal int Sweep() => _loops.Sum(l => l.RunOnce(0));

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var loop in _loops)
        {
            loop.Dispose();
        }
    }

    private static int ThreadCount(RtpOptions options) =>
        options.ReceiveThreads > 0 ? Math.Min(options.ReceiveThreads, 64) : Environment.ProcessorCount;
}
