using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Calls.Admission;

/// <summary>
/// Overload control: decides, before any work is done for it, whether a new call (an inbound INVITE, a
/// REST API call) is taken. Refuses while draining, while the thread pool runs late (measured by a
/// small probe, with hysteresis), past <see cref="CallAdmissionOptions.MaxConcurrentCalls"/> calls in
/// progress, and past <see cref="CallAdmissionOptions.MaxCallsPerSecond"/> (a token bucket). A call
/// taken holds a ticket until it ends. Calls already running are never touched. Thread-safe.
/// </summary>
internal sealed partial class CallAdmission : ISipCallGate, IDisposable
{
    private readonly Lock _lock = new();
    private readonly CallAdmissionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CallAdmission> _logger;
    private readonly TokenBucket? _rate;
    private readonly ITimer _probe;
    private readonly Meter _meter = new("RcmlEngine.Calls");
    private readonly Counter<long> _shed;
    private long _probeDue;
    private int _inProgress;
    private bool _pressure;
    private bool _draining;
    private bool _shedding;
    private long _shedThisRun;
    private long _shedTotal;
    private long _lastRefusal;
    private TaskCompletionSource? _idle;

    /// <summary>Starts the scheduling-delay probe.</summary>
    public CallAdmission(CallAdmissionOptions options, TimeProvider time, ILogger<CallAdmission> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _logger = logger;
        _rate = options.MaxCallsPerSecond > 0 ? new TokenBucket(options.MaxCallsPerSecond, time) : null;
        _shed = _meter.CreateCounter<long>("rcml.calls.shed", description: "New calls refused with 503 (overload or draining)");
        _meter.CreateObservableGauge("rcml.calls.in_progress", () => InProgress, description: "Calls admitted and not yet ended");
        _probeDue = time.GetTimestamp() + ToTicks(options.ProbeInterval);
        _probe = time.CreateTimer(_ => Probe(), null, options.ProbeInterval, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Calls admitted and not yet ended.</summary>
    public int InProgress => Volatile.Read(ref _inProgress);

    /// <summary>New calls refused since start.</summary>
    public long ShedCount => Interlocked.Read(ref _shedTotal);

    /// <summary>True once <see cref="BeginDrain"/> ran: every new call is refused.</summary>
    public bool IsDraining => Volatile.Read(ref _draining);

    /// <summary>The admission of one new call (dispose it when the call ends); null when refused, with why.</summary>
    public IDisposable? TryAdmit(out AdmissionRefusal refusal)
    {
        bool started;
        lock (_lock)
        {
            refusal = _draining ? AdmissionRefusal.Draining
                : _pressure ? AdmissionRefusal.Pressure
                : _options.MaxConcurrentCalls > 0 && _inProgress >= _options.MaxConcurrentCalls ? AdmissionRefusal.TooManyCalls
                : _rate is not null && !_rate.TryTake() ? AdmissionRefusal.TooFast
                : AdmissionRefusal.None;
            if (refusal == AdmissionRefusal.None)
            {
                _inProgress++;
                StopSheddingIfQuietLocked();
                return new Ticket(this);
            }

            _lastRefusal = _time.GetTimestamp();
            _shedThisRun++;
            _shedTotal++;
            started = !_shedding;
            _shedding = true;
        }

        _shed.Add(1, new KeyValuePair<string, object?>("reason", refusal.ToString()));
        if (started)
        {
            LogSheddingStarted(Describe(refusal), new Counted(InProgress, "call"));
        }

        return null;
    }

    /// <inheritdoc />
    public IDisposable? TryEnter(out string reason, out int retryAfterSeconds)
    {
        var ticket = TryAdmit(out var refusal);
        reason = Describe(refusal);
        retryAfterSeconds = RetryAfterSeconds(refusal);
        return ticket;
    }

    /// <summary>Refuses every new call from now on (the engine is stopping); running calls go on.</summary>
    public void BeginDrain()
    {
        lock (_lock)
        {
            _draining = true;
        }
    }

    /// <summary>Completes when no admitted call is in progress.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_inProgress == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// One measurement of how late the thread pool ran the probe: at or over
    /// <see cref="CallAdmissionOptions.MaxSchedulingDelay"/> new calls are refused, under half of it they are taken again.
    /// </summary>
    public void ObserveSchedulingDelay(TimeSpan delay)
    {
        var limit = _options.MaxSchedulingDelay;
        lock (_lock)
        {
            if (limit <= TimeSpan.Zero)
            {
                _pressure = false;
            }
            else if (delay >= limit)
            {
                _pressure = true;
            }
            else if (delay < limit / 2)
            {
                _pressure = false;
            }

            StopSheddingIfQuietLocked();
        }
    }

    /// <summary>Stops the probe and the metrics.</summary>
    public void Dispose()
    {
        _probe.Dispose();
        _meter.Dispose();
    }

    /// <summary>The Retry-After a refused caller is given: a second for a burst, longer for a full or stopping engine.</summary>
    public static int RetryAfterSeconds(AdmissionRefusal refusal) => refusal switch
    {
        AdmissionRefusal.TooFast => 1,
        AdmissionRefusal.Draining => 30,
        _ => 5,
    };

    /// <summary>Why, in words (the 503's reason phrase, the API's message, the log).</summary>
    public static string Describe(AdmissionRefusal refusal) => refusal switch
    {
        AdmissionRefusal.TooManyCalls => "too many calls in progress",
        AdmissionRefusal.TooFast => "too many new calls per second",
        AdmissionRefusal.Pressure => "the engine is not keeping up",
        AdmissionRefusal.Draining => "draining before shutdown",
        _ => string.Empty,
    };

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private void Probe()
    {
        // Never throws: a failing probe would stop measuring, not the engine.
        try
        {
            var now = _time.GetTimestamp();
            var late = TimeSpan.FromSeconds(Math.Max(0, now - _probeDue) / (double)_time.TimestampFrequency);
            ObserveSchedulingDelay(late);
            _probeDue = now + ToTicks(_options.ProbeInterval);
            _probe.Change(_options.ProbeInterval, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed while ticking.
        }
    }

    private void Release()
    {
        lock (_lock)
        {
            _inProgress--;
            if (_inProgress == 0 && _idle is not null)
            {
                _idle.TrySetResult();
                _idle = null;
            }
        }
    }

    // Under _lock: one line when a run of refusals ends (nothing refused for the quiet period).
    private void StopSheddingIfQuietLocked()
    {
        if (!_shedding || _time.GetElapsedTime(_lastRefusal) < _options.QuietPeriod)
        {
            return;
        }

        _shedding = false;
        var count = _shedThisRun;
        _shedThisRun = 0;
        LogSheddingStopped(new Counted((int)Math.Min(count, int.MaxValue), "new call"));
    }

    private sealed class Ticket(CallAdmission owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release();
            }
        }
    }
}
