using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RcmlEngine.Api;
using RcmlEngine.Calls.Admission;
using RcmlEngine.Execution.Outbound;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Webhooks.Callbacks;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Hosting;

/// <summary>
/// Starts taking SIP calls once the HTTP server listens (recording and sample URLs need its port, known
/// only then when it was 0: <see cref="StartedAsync"/> runs after every hosted service started). On
/// shutdown it drains: new calls get 503 while the calls in progress go on, up to
/// <see cref="LimitsOptions.DrainTimeout"/>; then it hangs the rest up with BYE and gives the callback queue a
/// moment to deliver what those calls queued; whatever is left is stored by the queue when it stops, after this service.
/// </summary>
internal sealed partial class SipCallService(
    SipStack stack,
    SipCallRunner runner,
    CallAdmission admission,
    OutboundCallLauncher launcher,
    ApiAccounts apiAccounts,
    EngineHttpAddress http,
    SampleApplications samples,
    ApplicationRouter router,
    CallbackDispatcher callbacks,
    IOptions<RecordingStoreOptions> recordings,
    IOptions<EngineOptions> engine,
    TimeProvider time,
    ILogger<SipCallService> logger) : IHostedLifecycleService
{
    /// <summary>How long a shutdown waits for the callbacks of the calls it ended to be delivered.</summary>
    public static readonly TimeSpan CallbackFlushGrace = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        stack.CallGate = admission;
        stack.IncomingCallHandler = runner.HandleAsync;
        var baseUrl = http.PublicBaseUrl;
        recordings.Value.BaseUrl = baseUrl;
        LogHttp(http.BoundAddress, baseUrl);
        if (apiAccounts.IsOpenOnLoopback)
        {
            LogApiLoopbackOnly(new Uri(baseUrl, "2010-04-01/Accounts/" + EngineOptions.DefaultAccountSid + "/Calls.json"));
        }

        if (samples.RoutesCalls && samples.ServedFolder is { } folder)
        {
            var count = samples.Names.Count;
            var samplesUrl = new Uri(http.LocalBaseUrl, SamplesFolder.Name + "/");
            LogSamples(count, folder, samplesUrl);
        }
        else if (!router.HasApplications)
        {
            LogNoApplications();
        }

        var sip = engine.Value.Sip;
        if (engine.Value.Trunks.Count > 0 && sip.AllowedSources.Count == 0 && !sip.InboundAuthentication)
        {
            // Toll fraud: any caller reaching the SIP port can run an application that dials out.
            LogOpenToAnyone(new Counted(engine.Value.Trunks.Count, "trunk"));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The drain runs here, before any hosted service stops: the HTTP server (the REST API, samples and
    /// recordings the running calls fetch) stops first of all in <see cref="StopAsync"/>'s order.
    /// </remarks>
    public Task StoppingAsync(CancellationToken cancellationToken) => DrainAsync(cancellationToken);

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        admission.BeginDrain();
        stack.IncomingCallHandler = null;
        await Task.WhenAll(runner.HangUpAllAsync(cancellationToken), launcher.HangUpAllAsync(cancellationToken));
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(CallbackFlushGrace);
        try
        {
            await callbacks.WhenIdleAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            // Still undelivered: the queue keeps them in its store for the next start.
        }
    }

    /// <summary>Refuses new calls (503) and waits, up to the drain timeout, for the calls in progress to end by themselves.</summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        admission.BeginDrain();
        var timeout = engine.Value.Limits.DrainTimeout;
        var calls = admission.InProgress;
        if (calls == 0 || timeout <= TimeSpan.Zero)
        {
            return;
        }

        LogDraining(new Counted(calls, "call"), timeout.TotalSeconds);
        try
        {
            await admission.WhenIdleAsync(cancellationToken).WaitAsync(timeout, time, cancellationToken);
            LogDrained();
        }
        catch (TimeoutException)
        {
            LogDrainTimedOut(new Counted(admission.InProgress, "call"));
        }
        catch (OperationCanceledException)
        {
            // The host gave up waiting: hang up now.
        }
    }
}
