using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RcmlEngine.Sip.Transactions;

/// <summary>
/// The one timer mechanism of the SIP stack: every transaction and dialog timer (RFC 3261 A to K,
/// 2xx retransmission) is an entry in one priority queue, served by a single <see cref="ITimer"/>
/// from the injected <see cref="TimeProvider"/> that is always set to the earliest deadline.
/// No thread, task or timer per transaction; tests drive it with a fake clock. A callback that throws is
/// logged and the others run: an exception on the timer thread would end the process.
/// </summary>
internal sealed partial class SipTimerQueue : IDisposable
{
    private readonly TimeProvider _time;
    private readonly PriorityQueue<SipTimer, (DateTimeOffset Due, long Order)> _queue = new();
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private readonly ILogger _logger;
    private DateTimeOffset _armedFor = DateTimeOffset.MaxValue;
    private long _order;
    private bool _disposed;

    public SipTimerQueue(TimeProvider time, ILogger<SipTimerQueue>? logger = null)
    {
        _time = time;
        _logger = logger ?? NullLogger<SipTimerQueue>.Instance;
        _timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public TimeProvider Time => _time;

    /// <summary>How many timers are waiting (cancelled ones drop out when their time comes).</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="callback"/> once after <paramref name="delay"/>, unless cancelled first.</summary>
    public SipTimer Schedule(TimeSpan delay, Action callback)
    {
        var timer = new SipTimer(callback);
        var due = _time.GetUtcNow() + delay;
        lock (_lock)
        {
            if (_disposed)
            {
                return timer;
            }

            _queue.Enqueue(timer, (due, _order++));
            if (due < _armedFor)
            {
                Arm(due);
            }
        }

        return timer;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _queue.Clear();
        }

        _timer.Dispose();
    }

    private void Fire()
    {
        List<SipTimer>? due = null;
        lock (_lock)
        {
            _armedFor = DateTimeOffset.MaxValue;
            var now = _time.GetUtcNow();
            while (_queue.TryPeek(out _, out var key) && key.Due <= now)
            {
                (due ??= []).Add(_queue.Dequeue());
            }

            if (_queue.TryPeek(out _, out var next))
            {
                Arm(next.Due);
            }
        }

        if (due is null)
        {
            return;
        }

        foreach (var timer in due)
        {
            try
            {
                timer.Run();
            }
#pragma warning disable CA1031 // See the class comment.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogTimerFailed(exception);
            }
        }
    }

    private void Arm(DateTimeOffset due)
    {
        _armedFor = due;
        var delay = due - _time.GetUtcNow();
        _timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
    }

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Sip + 110, Level = LogLevel.Error, Message = "A SIP timer failed; the other timers go on")]
    private partial void LogTimerFailed(Exception exception);
}
