using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Sip;
using RcmlEngine.Diagnostics;
using RcmlEngine.Execution;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Hosting;

/// <summary>
/// Takes each incoming SIP call through the engine: routes the Request-URI user to an application (none:
/// 404; in samples mode, the samples), gives the call a CallSid and its webhook facts, and
/// runs it with the interpreter until it ends. Keeps the running calls so a shutdown can hang them up.
/// </summary>
internal sealed partial class SipCallRunner(
    ApplicationRouter router,
    SampleApplications samples,
    SipCallFactory calls,
    RcmlInterpreter interpreter,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<SipCallRunner> logger) : IDisposable
{
    // One source sending thousands of unroutable INVITEs writes a few lines, not thousands.
    private readonly SourceLogThrottle _logThrottle = new(options.Value.Sip.LogLinesPerSourcePerMinute, time);
    private readonly ConcurrentDictionary<string, (SipInboundCall Call, Task Run)> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Frees the stop signal.</summary>
    public void Dispose() => _stopping.Dispose();

    /// <summary>Calls running now.</summary>
    public int ActiveCalls => _running.Count;

    /// <summary>Runs one incoming call to its end (the SIP stack's incoming call handler).</summary>
    public async Task HandleAsync(SipIncomingCall sip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sip);
        if (_stopping.IsCancellationRequested)
        {
            await sip.RejectAsync(503, "Service Unavailable (shutting down)", null, cancellationToken);
            return;
        }

        var user = sip.RequestUri.UnescapedUser ?? string.Empty;
        var route = router.Route(user) ?? samples.Route(user);
        if (route is null)
        {
            if (logger.IsEnabled(LogLevel.Information) && _logThrottle.ShouldLog(logger, sip.Source.EndPoint.Address))
            {
                var callId = LogText.Escape(sip.CallId);
                LogNoRoute(callId);
                if (logger.IsEnabled(LogLevel.Trace))
                {
                    var escapedUser = LogText.Escape(user);
                    LogNoRouteUser(callId, escapedUser);
                }
            }

            await sip.RejectAsync(404, null, null, cancellationToken);
            return;
        }

        var callSid = TwilioSid.NewCallSid();
        using var scope = CallLogScope.Begin(logger, callSid);
        SipInboundCall call;
        try
        {
            call = calls.Accept(sip, SipCallInfoReader.Read(sip, callSid, route.Account.AccountSid));
        }
        catch (InvalidOperationException exception)
        {
            // No RTP port free: the engine is full.
            LogNoMedia(exception.Message);
            await sip.RejectAsync(503, "Service Unavailable (no media port)", null, cancellationToken);
            return;
        }

        await using (call)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var callId = LogText.Escape(sip.CallId);
                LogCallStarted(route.Name, callId);
            }

            var run = interpreter.RunAsync(call, route.Application, route.Account, _stopping.Token);
            _running[callSid] = (call, run);
            try
            {
                var result = await run;
                LogCallEnded(route.Name, result.Status, call.Lifecycle.DurationSeconds, new Counted(result.Documents, "document"), new Counted(result.Verbs, "verb"), new Counted(result.Errors, "error"));
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Stopped by the shutdown after the drain: the interpreter hung the call up on its way out.
                LogCallStopped(route.Name, call.Lifecycle.DurationSeconds);
            }
            finally
            {
                _running.TryRemove(callSid, out _);
            }
        }
    }

    /// <summary>
    /// Refuses new calls (503) and hangs up every running call (BYE), then waits for their runs to finish
    /// (their completed callbacks are then queued).
    /// </summary>
    public async Task HangUpAllAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        var running = _running.Values.ToList();
        LogHangingUp(new Counted(running.Count, "call"));
        await Task.WhenAll(running.Select(r => r.Call.HangUpAsync(CancellationToken.None)));
        await Task.WhenAll(running.Select(r => EndedAsync(r.Run))).WaitAsync(cancellationToken);
    }

    // A run the stop cancelled ends with OperationCanceledException: ended all the same.
    private static async Task EndedAsync(Task run)
    {
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
            // Ended by the stop.
        }
    }
}
