using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace RcmlEngine.Rtp;

/// <summary>
/// The one thread that reads every session's RTP socket: every <see cref="RtpOptions.ReceiveInterval"/> one poll(2) over
/// all sockets (<c>Socket.Select</c>) finds those with datagrams
/// waiting, and each is drained with synchronous receives that cannot block.
/// <para>
/// Why not <c>ReceiveFromAsync</c>: a socket used asynchronously is registered with epoll for reads
/// and writes, and every packet the pacer sends from it frees send-buffer space, which wakes the
/// socket engine (EPOLLOUT) for nothing; measured at 1,000 streams that cost twice the pacer's own
/// CPU. RTP sockets are therefore only ever used synchronously; a few milliseconds of receive
/// latency buy that back. RTCP sockets, which send rarely, stay asynchronous.
/// </para>
/// </summary>
internal sealed partial class RtpReceivePoller : IDisposable
{
    /// <summary>How often every socket is looked at, unless <see cref="RtpOptions.ReceiveInterval"/> says otherwise.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(10);

    // At most this many datagrams per socket per sweep, so one flooded socket cannot starve the rest.
    private const int MaxPerSweep = 64;

    private readonly TimeProvider _time;
    private readonly RtpOptions _options;
    private readonly ILogger<RtpReceivePoller> _logger;
    private readonly Lock _lock = new();
    private readonly ManualResetEventSlim _stopped = new(false, spinCount: 1);
    private readonly Thread? _thread;
    private readonly byte[] _buffer = new byte[2048];
    private readonly SocketAddress _fromV4 = new(AddressFamily.InterNetwork);
    private readonly SocketAddress _fromV6 = new(AddressFamily.InterNetworkV6);
    private readonly SocketPoll _poll = new();
    private readonly Action<int> _drainAt;
    private Entry[] _entries = [];
    private Entry[]? _polled;
    private int _handled;
    private volatile bool _stopping;

    /// <summary>Creates the poller and starts its thread.</summary>
    public RtpReceivePoller(TimeProvider time, ILogger<RtpReceivePoller> logger, RtpOptions options)
        : this(time, logger, runThread: true, options)
    {
    }

    /// <summary>Creates the poller; without a thread, a test drives it through <see cref="Sweep"/>.</summary>
    internal RtpReceivePoller(TimeProvider time, ILogger<RtpReceivePoller> logger, bool runThread, RtpOptions? options = null)
    {
        _options = options ?? new RtpOptions { MediaThreadNice = 0 };
        _time = time;
        _logger = logger;
        _drainAt = index => _handled += Drain(_polled![index]);
        if (runThread)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "rtp-receive", Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }
    }

    /// <summary>Sockets being read.</summary>
    public int Count => Volatile.Read(ref _entries).Length;

    /// <summary>Starts reading a receiver's socket; dispose the result to stop.</summary>
    public IDisposable Register(IPolledReceiver receiver)
    {
        var entry = new Entry(this, receiver);
        lock (_lock)
        {
            // Copy on write: the sweep reads a snapshot without locking.
            _entries = [.. _entries, entry];
        }

        return entry;
    }

    /// <summary>Reads every socket with datagrams waiting; returns the datagrams handed over. Runs on the poller thread.</summary>
    internal int Sweep()
    {
        var entries = Volatile.Read(ref _entries);
        if (!ReferenceEquals(entries, _polled))
        {
            _polled = entries;
            _poll.Reset(entries.Select(e => e.Receiver.Socket).ToArray());
        }

        _handled = 0;
        _poll.ForEachReadable(_drainAt);
        return _handled;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping = true;
        _stopped.Set();
        _thread?.Join();
        _stopped.Dispose();
    }

    private int Drain(Entry entry)
    {
        if (entry.Removed)
        {
            return 0;
        }

        var socket = entry.Receiver.Socket;
        var from = socket.AddressFamily == AddressFamily.InterNetworkV6 ? _fromV6 : _fromV4;
        var count = 0;
        try
        {
            while (count < MaxPerSweep && !entry.Removed && socket.Available > 0)
            {
                var length = socket.ReceiveFrom(_buffer, SocketFlags.None, from);
                entry.Receiver.OnDatagram(_buffer.AsSpan(0, length), from);
                count++;
            }
        }
        catch (ObjectDisposedException)
        {
            // The session closed its socket; its registration goes with it.
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
        {
            // An ICMP error for an earlier send, or an oversized datagram: read on next sweep.
        }
        catch (Exception ex) when (!entry.Failed)
        {
            // One faulty receiver must not stop the others; it is reported once.
            entry.Failed = true;
            LogReceiveFailed(ex);
        }
        catch (Exception)
        {
            // Already reported for this receiver.
        }

        return count;
    }

    private void Run()
    {
        MediaThreadPriority.Apply(_options);
        var interval = _options.ReceiveInterval > TimeSpan.Zero ? _options.ReceiveInterval : DefaultInterval;
        var period = interval.Ticks * _time.TimestampFrequency / TimeSpan.TicksPerSecond;
        var start = _time.GetTimestamp();
        for (long sweep = 1; !_stopping; sweep++)
        {
            Sweep();

            // Absolute sweep times, like the pacer: a slow sweep shortens the next wait.
            var remaining = start + (sweep * period) - _time.GetTimestamp();
            if (remaining <= 0)
            {
                sweep = (_time.GetTimestamp() - start) / period;
                continue;
            }

            _stopped.Wait((int)Math.Max(1, remaining * 1000 / _time.TimestampFrequency));
        }
    }

    private void Remove(Entry entry)
    {
        lock (_lock)
        {
            _entries = _entries.Where(e => !ReferenceEquals(e, entry)).ToArray();
        }
    }

    /// <summary>A registered receiver; disposing it stops the reading.</summary>
    private sealed class Entry(RtpReceivePoller owner, IPolledReceiver receiver) : IDisposable
    {
        private int _disposed;

        public IPolledReceiver Receiver { get; } = receiver;

        public bool Failed { get; set; }

        public bool Removed => Volatile.Read(ref _disposed) != 0;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(this);
            }
        }
    }
}
