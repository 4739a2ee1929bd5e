using System.Net;
using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;
using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Sip.Registrar;

/// <summary>
/// A registrar (RFC 3261 10.3) for the engine's clients: softphones and gateways REGISTER with digest
/// credentials, and <see cref="Lookup"/> gives the dialer every current binding of a client name, with
/// the address its REGISTER really came from. Plug it into a stack with <see cref="AttachTo"/>;
/// bindings live in memory and expire on the injected clock (checked on lookup, swept periodically on
/// the stack's timer queue).
/// </summary>
internal sealed partial class SipRegistrar : IDisposable
{
    private readonly SipRegistrarOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SipRegistrar> _logger;
    private readonly DigestServer _digest;
    private readonly BindingTable _table;
    private readonly PerKeyRateLimiter<IPAddress> _failures;
    private readonly Func<SipRequest, SipRemote, CancellationToken, Task<SipResponse>> _handler;
    private readonly Lock _sweepLock = new();
    private SipTimerQueue? _sweepQueue;
    private SipTimer? _sweepTimer;
    private SipStack? _stack;
    private bool _disposed;

    public SipRegistrar(SipRegistrarOptions options, TimeProvider time, ILogger<SipRegistrar> logger)
    {
        options.Validate();
        _options = options;
        _time = time;
        _logger = logger;
        _digest = new DigestServer(options.Realm, options.PasswordFor, time) { Algorithms = options.Algorithms, NonceLifetime = options.NonceLifetime };
        _table = new BindingTable(options.MaxUsers, options.MaxBindingsPerUser);
        _failures = new PerKeyRateLimiter<IPAddress>(options.MaxFailuresPerSourcePerMinute, TimeSpan.FromMinutes(1), time);
        _handler = HandleAsync;
    }

    /// <summary>
    /// A binding was added, refreshed, removed or expired. Raised after the change, on the SIP
    /// processing loop (or the timer for expiries): handlers must be quick and must not block.
    /// </summary>
    public event EventHandler<RegistrationChangedEventArgs>? Changed;

    public SipRegistrarOptions Options => _options;

    /// <summary>Client names holding bindings.</summary>
    public int UserCount => _table.UserCount;

    /// <summary>Bindings held, all names together.</summary>
    public int BindingCount => _table.BindingCount;

    /// <summary>Creates a registrar and attaches it to <paramref name="stack"/> (its clock and timer queue).</summary>
    public static SipRegistrar Attach(SipStack stack, SipRegistrarOptions options, ILogger<SipRegistrar> logger)
    {
        var registrar = new SipRegistrar(options, stack.Time, logger);
        registrar.AttachTo(stack);
        return registrar;
    }

    /// <summary>
    /// The current bindings of a client name (<c>&lt;Client&gt;alice&lt;/Client&gt;</c> looks up
    /// <c>alice</c>): highest q first, then the most recently registered. Empty when it has none.
    /// </summary>
    public IReadOnlyList<RegistrationBinding> Lookup(string user) => _table.Get(user, _time.GetUtcNow());

    /// <summary>Answers the stack's REGISTER requests from now on and sweeps expired bindings on its timer queue.</summary>
    public void AttachTo(SipStack stack)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _stack = stack;
        stack.RegisterHandler = _handler;
        StartSweeping(stack.Queue);
    }

    /// <summary>The stack's REGISTER hook: see <see cref="Handle"/>.</summary>
    public Task<SipResponse> HandleAsync(SipRequest request, SipRemote source, CancellationToken cancellationToken) =>
        Task.FromResult(Handle(request, source));

    /// <summary>Removes expired bindings now and reports them (the periodic sweep calls this).</summary>
    public void Sweep() => Raise(_table.Sweep(_time.GetUtcNow()));

    public void Dispose()
    {
        lock (_sweepLock)
        {
            _disposed = true;
            _sweepTimer?.Cancel();
        }

        if (_stack is { } stack && stack.RegisterHandler == _handler)
        {
            stack.RegisterHandler = null;
        }
    }

    /// <summary>Sweeps every <see cref="SipRegistrarOptions.SweepInterval"/> on <paramref name="queue"/> until disposed.</summary>
    internal void StartSweeping(SipTimerQueue queue)
    {
        lock (_sweepLock)
        {
            _sweepTimer?.Cancel();
            _sweepQueue = queue;
            ScheduleSweepLocked();
        }
    }

    private void ScheduleSweepLocked()
    {
        if (!_disposed && _sweepQueue is { } queue)
        {
            _sweepTimer = queue.Schedule(_options.SweepInterval, OnSweepTimer);
        }
    }

    private void OnSweepTimer()
    {
        try
        {
            Sweep();
        }
        finally
        {
            lock (_sweepLock)
            {
                ScheduleSweepLocked();
            }
        }
    }

    private void Raise(IReadOnlyList<RegistrationChangedEventArgs> changes)
    {
        foreach (var change in changes)
        {
            Log.BindingChanged(_logger, change.Change, change.User, change.Binding.ContactUri, change.Binding.Source);
            try
            {
                Changed?.Invoke(this, change);
            }
#pragma warning disable CA1031 // A faulty subscriber must not turn an accepted REGISTER into a 500 or stop the sweep.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.SubscriberFailed(_logger, ex, change.Change);
            }
        }
    }
}
