using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RcmlEngine.Calls.Admission;
using RcmlEngine.Calls.Dialing;

namespace RcmlEngine.Calls.ClickToCall;

/// <summary>
/// The click-to-call controller's work: rings the calling party through the engine's dialer (a client at
/// its registration, a SIP URI, a number through the trunks), and once it answers, transfers it (REFER) to
/// the called party so its phone places that call itself; a phone that refuses transfers is bridged by the
/// engine instead (RFC 3725). Each setup is kept by (account, calling party, called party) while it runs
/// and for its <see cref="ClickToCallRequest.ResultCacheTime"/> after, at most <see cref="MaxSetups"/>. A setup
/// holds a call admission (overload control) while it runs, as the REST API's calls do.
/// </summary>
internal sealed partial class ClickToCallService(ICallDialer? dialer, TimeProvider time, ILogger<ClickToCallService> logger,
    CallAdmission? admission = null) : IAsyncDisposable
{
    /// <summary>The most setups kept at once (running or cached); more are refused until some expire.</summary>
    public const int MaxSetups = 1000;

    /// <summary>How long, beyond the ring timeout, a transferred phone may take to report its call's outcome.</summary>
    private static readonly TimeSpan TransferGrace = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, ClickToCallSetup> _setups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ClickToCallSetup, Task> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _startLock = new();

    /// <summary>Starts a setup, unless one of the same parties still runs or the engine cannot place calls.</summary>
    public ClickToCallStart Start(ClickToCallRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (dialer is null || _stopping.IsCancellationRequested)
        {
            return new ClickToCallStart(null, ClickToCallRefusal.Unavailable,
                dialer is null ? "this engine places no calls (no SIP stack)" : "the engine is shutting down");
        }

        var key = KeyOf(request.AccountSid, request.CallingText, request.CalledText);
        ClickToCallSetup setup;
        IDisposable? ticket = null;
        lock (_startLock)
        {
            Prune();
            if (_setups.TryGetValue(key, out var current) && !current.IsEnded)
            {
                return new ClickToCallStart(current.Snapshot(), ClickToCallRefusal.InProgress,
                    "a call setup between these parties is still in progress; GET this URL for its state");
            }

            if (current is null && _setups.Count >= MaxSetups)
            {
                return new ClickToCallStart(null, ClickToCallRefusal.Unavailable,
                    $"{MaxSetups} call setups are kept already; try again once some expire (resultCacheTime)");
            }

            if (admission is not null && (ticket = admission.TryAdmit(out var refusal)) is null)
            {
                return new ClickToCallStart(null, ClickToCallRefusal.Unavailable, "the engine refuses new calls: " + CallAdmission.Describe(refusal));
            }

            setup = new ClickToCallSetup(request, time);
            _setups[key] = setup;
        }

        LogStarting(request.CallingText, request.CalledText);
        var run = Task.Run(() => RunAsync(setup));
        _running[setup] = run;
        _ = run.ContinueWith(_ =>
        {
            _running.TryRemove(setup, out var _);
            ticket?.Dispose();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return new ClickToCallStart(setup.Snapshot(), ClickToCallRefusal.None, null);
    }

    /// <summary>The latest setup of these parties in this account, or null when there is none (or it expired).</summary>
    public ClickToCallStatus? Find(string accountSid, string callingText, string calledText)
    {
        var now = time.GetUtcNow();
        return _setups.TryGetValue(KeyOf(accountSid, callingText, calledText), out var setup) && !setup.IsExpired(now)
            ? setup.Snapshot()
            : null;
    }

    /// <summary>Stops every running setup (hanging up the engine's legs) and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Values);
        _stopping.Dispose();
    }

    private static string KeyOf(string accountSid, string calling, string called) =>
        string.Concat(accountSid, "\n", calling.Trim(), "\n", called.Trim());

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (key, setup) in _setups)
        {
            if (setup.IsExpired(now))
            {
                _setups.TryRemove(key, out _);
            }
        }
    }
}
