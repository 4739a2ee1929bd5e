using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Admission;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Diagnostics;
using RcmlEngine.Execution.Control;
using RcmlEngine.Execution.Recordings;

namespace RcmlEngine.Execution.Outbound;

/// <summary>
/// Places the calls the REST API asks for (<c>Direction=outbound-api</c>): dials the party, and runs the
/// call's documents with the interpreter once it answers, exactly as an inbound call's (same status
/// callbacks, same verbs). A call that is not answered ends busy, no-answer, failed or canceled, and
/// its status callback says so. Keeps the running calls so a shutdown can hang them up.
/// </summary>
internal sealed partial class OutboundCallLauncher(
    RcmlInterpreter interpreter,
    LiveCallRegistry live,
    OutboundCallRecorder recorder,
    ILogger<OutboundCallLauncher> logger,
    ICallDialer? dialer = null,
    CallAdmission? admission = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, (ICall Call, Task Run)> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>True when calls can be placed (the engine has a SIP dialer).</summary>
    public bool CanDial => dialer is not null;

    /// <summary>Calls placed and still running.</summary>
    public int ActiveCalls => _running.Count;

    /// <summary>
    /// Places <paramref name="request"/>'s call and starts running it; returns at once with the new call
    /// (ringing), or why it cannot be placed. Never throws for a party that cannot be reached.
    /// </summary>
    public OutboundCallResult Launch(OutboundCallRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (dialer is null)
        {
            return new OutboundCallResult(null, "this engine places no calls (no SIP stack)");
        }

        if (_stopping.IsCancellationRequested)
        {
            return new OutboundCallResult(null, "the engine is shutting down", Overloaded: true);
        }

        IDisposable? ticket = null;
        if (admission is not null && (ticket = admission.TryAdmit(out var refusal)) is null)
        {
            return new OutboundCallResult(null, "the engine refuses new calls: " + CallAdmission.Describe(refusal), Overloaded: true);
        }

        try
        {
            var result = Launch(request, dialer, ticket);
            if (result.Call is null)
            {
                ticket?.Dispose();
            }

            return result;
        }
        catch
        {
            ticket?.Dispose();
            throw;
        }
    }

    // A placed call holds its admission (ticket) until its run ends.
    private OutboundCallResult Launch(OutboundCallRequest request, ICallDialer dialer, IDisposable? ticket)
    {
        var dial = new DialRequest
        {
            Target = request.To,
            Kind = request.ToKind,
            Info = new CallInfo
            {
                CallSid = TwilioSid.NewCallSid(),
                AccountSid = request.Account.AccountSid,
                From = request.From,
                To = request.ToKind == DialTargetKind.Client ? "client:" + request.To : request.To,
                Direction = CallDirection.OutboundApi,
            },
            CallerId = request.CallerId ?? request.From,
            Username = request.Username,
            Password = request.Password,
            RingTimeout = request.RingTimeout,
        };
        var expansion = dialer.Expand(dial);
        if (expansion.Failed)
        {
            return new OutboundCallResult(null, expansion.Error);
        }

        IOutboundCall call;
        try
        {
            // A client registered from several phones is rung at its first registration.
            call = dialer.Dial(expansion.Requests[0]);
        }
        catch (ArgumentException exception)
        {
            return new OutboundCallResult(null, exception.Message);
        }
        catch (InvalidOperationException exception)
        {
            return new OutboundCallResult(null, exception.Message, Overloaded: true);
        }

        // Listed before this returns, so the API finds the call it just created.
        var sid = call.Info.CallSid;
        var application = new CallApplicationHolder(request.Application);
        var control = new CallControl();
        var listed = live.Add(new LiveCall(call, request.Account.AccountSid, control, application));
        var run = Task.Run(() => RunAsync(call, request, application, control, listed));
        _running[sid] = (call, run);
        _ = run.ContinueWith(_ =>
        {
            _running.TryRemove(sid, out var _);
            ticket?.Dispose();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return new OutboundCallResult(call, null);
    }

    /// <summary>Refuses new calls and hangs up every running one, then waits for their runs to finish.</summary>
    public async Task HangUpAllAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        var running = _running.Values.ToList();
        await Task.WhenAll(running.Select(r => r.Call.HangUpAsync(CancellationToken.None)));
        await Task.WhenAll(running.Select(r => r.Run)).WaitAsync(cancellationToken);
    }

    /// <summary>Frees the stop signal.</summary>
    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(IOutboundCall call, OutboundCallRequest request, CallApplicationHolder application, CallControl control, IDisposable listed)
    {
        using var scope = CallLogScope.Begin(logger, call.Info.CallSid);
        using var listing = listed;
        try
        {
            await using (call)
            {
                LogPlaced(request.ToKind);
                var recording = request.Recording is { } wanted ? recorder.RecordAsync(call, wanted, request.Account) : Task.FromResult<StoredRecording?>(null);
                var result = await interpreter.RunAsync(call, application, request.Account, control, _stopping.Token);
                await recording;
                LogEnded(result.Status, call.Lifecycle.DurationSeconds);
            }
        }
#pragma warning disable CA1031 // A call's failure must never reach the thread pool.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFailed(exception);
        }
    }
}
