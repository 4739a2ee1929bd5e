using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RcmlEngine.Rtp;

/// <summary>
/// The one thread that sends every outgoing RTP stream's packets. Each stream's tick n is due at the
/// absolute deadline start + n * period, computed by multiplication, so lateness never accumulates
/// (no drift however long the call). Streams wait in a priority queue ordered by deadline; the thread
/// sleeps until the earliest one. No timer or thread per stream, and nothing allocated per packet.
/// </summary>
internal sealed partial class RtpPacer : IDisposable
{
    /// <summary>A tick due within this margin is sent at once rather than after another sleep.</summary>
    public static readonly TimeSpan EarlyMargin = TimeSpan.FromMilliseconds(0.5);

    /// <summary>Behind by more periods than this (a stall), missed ticks are skipped instead of sent in a burst.</summary>
    public const int MaxCatchUpTicks = 4;

    // The golden ratio spreads registration k to phase frac(k * phi) of a period: evenly, whatever the count.
    private const double GoldenRatioFraction = 0.6180339887498949;

    private readonly TimeProvider _time;
    private readonly RtpOptions _options;
    private readonly ILogger<RtpPacer> _logger;
    private readonly PriorityQueue<Entry, long> _schedule = new();
    private readonly ConcurrentQueue<Entry> _added = new();
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 1);
    private readonly long _earlyMargin;
    private readonly Thread? _thread;
    private volatile bool _stopping;
    private int _registrations;
    private int _count;

    /// <summary>Creates the pacer and starts its thread.</summary>
    public RtpPacer(TimeProvider time, ILogger<RtpPacer> logger, RtpOptions options)
        : this(time, logger, runThread: true, options)
    {
    }

    /// <summary>Creates the pacer; without a thread, a test drives it through <see cref="RunDue"/>.</summary>
    internal RtpPacer(TimeProvider time, ILogger<RtpPacer> logger, bool runThread, RtpOptions? options = null)
    {
        _options = options ?? new RtpOptions { MediaThreadNice = 0 };
        _time = time;
        _logger = logger;
        _earlyMargin = ToTimestampUnits(EarlyMargin);
        if (runThread)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "rtp-pacer", Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }
    }

    /// <summary>Streams currently registered.</summary>
    public int StreamCount => Volatile.Read(ref _count);

    /// <summary>Ticks skipped because the pacer fell behind by more than <see cref="MaxCatchUpTicks"/> periods.</summary>
    public long SkippedTicks { get; private set; }

    /// <summary>Set only by load runs to record every departure.</summary>
    internal PacerProbe? Probe { get; set; }

    /// <summary>
    /// Starts ticking a stream every <paramref name="period"/>, from a phase within the first period
    /// chosen so that streams registered together do not all send at once. Dispose the result to stop.
    /// </summary>
    public IDisposable Register(IPacedStream stream, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        var periodUnits = ToTimestampUnits(period);
        var index = Interlocked.Increment(ref _registrations) - 1;
        var phase = (long)(index * GoldenRatioFraction % 1.0 * periodUnits);
        var entry = new Entry(this, stream, _time.GetTimestamp() + phase, periodUnits, index);
        Interlocked.Increment(ref _count);
        _added.Enqueue(entry);
        _wake.Set();
        return entry;
    }

    /// <summary>
    /// Ticks every stream due by <paramref name="now"/> (plus the early margin) and returns the next
    /// deadline, or <see cref="long.MaxValue"/> when no stream is registered. Runs on the pacer thread.
    /// </summary>
    internal long RunDue(long now)
    {
        while (_added.TryDequeue(out var added))
        {
            _schedule.Enqueue(added, added.Start);
        }

        var horizon = now + _earlyMargin;
        while (_schedule.TryPeek(out var entry, out var deadline) && deadline <= horizon)
        {
            _schedule.Dequeue();
            if (entry.Removed)
            {
                continue;
            }

            var missed = 0;
            var behind = (now - deadline) / entry.Period;
            if (behind > MaxCatchUpTicks)
            {
                missed = (int)behind;
                entry.Tick += missed;
                deadline = entry.Start + (entry.Tick * entry.Period);
                SkippedTicks += missed;
            }

            Tick(entry, deadline, missed);
            entry.Tick++;
            _schedule.Enqueue(entry, entry.Start + (entry.Tick * entry.Period));
        }

        return _schedule.TryPeek(out _, out var next) ? next : long.MaxValue;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping = true;
        _wake.Set();
        _thread?.Join();
        _wake.Dispose();
    }

    private void Tick(Entry entry, long deadline, int missed)
    {
        try
        {
            entry.Stream.OnTick(entry.Tick, deadline, missed);
        }
        catch (Exception ex) when (!entry.Failed)
        {
            // One faulty stream must not stop the others; it is reported once.
            entry.Failed = true;
            LogTickFailed(ex, entry.Index);
        }
        catch (Exception)
        {
            // Already reported for this stream.
        }

        Probe?.Record(entry.Index, deadline, _time.GetTimestamp());
    }

    private void Run()
    {
        var scheduling = MediaThreadPriority.Apply(_options);
        LogStarted(scheduling);
        while (!_stopping)
        {
            var next = RunDue(_time.GetTimestamp());
            var remaining = next == long.MaxValue ? long.MaxValue : next - _time.GetTimestamp();
            if (remaining <= _earlyMargin)
            {
                continue;
            }

            var milliseconds = remaining == long.MaxValue
                ? Timeout.Infinite
                : (int)Math.Max(1, (remaining - _earlyMargin) * 1000 / _time.TimestampFrequency);
            _wake.Wait(milliseconds);
            _wake.Reset();
        }
    }

    private long ToTimestampUnits(TimeSpan span) => span.Ticks * _time.TimestampFrequency / TimeSpan.TicksPerSecond;

    /// <summary>A registered stream and its schedule; disposing it stops the stream's ticks.</summary>
    private sealed class Entry(RtpPacer owner, IPacedStream stream, long start, long period, int index) : IDisposable
    {
        private int _disposed;

        public IPacedStream Stream { get; } = stream;

        public long Start { get; } = start;

        public long Period { get; } = period;

        public int Index { get; } = index;

        public long Tick { get; set; }

        public bool Failed { get; set; }

        public bool Removed => Volatile.Read(ref _disposed) != 0;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._count);
            }
        }
    }
}
