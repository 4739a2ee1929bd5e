using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RcmlEngine.Calls.Admission;
using RcmlEngine.Hosting;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// Issue 11 ("never fall over") on the real path: a failing background service leaves calls running,
/// INVITEs past <c>Limits:MaxConcurrentCalls</c> get 503 with Retry-After while the admitted calls complete,
/// and a stopping engine drains: running calls finish, new ones (SIP and REST) are refused, OPTIONS still answers.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class OverloadTests
{
    private TestWebApp _app = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("sipp");
        _app = await TestWebApp.StartAsync();
    }

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [Test]
    [CancelAfter(60_000)]
    public async Task BackgroundServiceThrows_EngineKeepsRunning_SippCallCompletes(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Pause length=\"1\"/><Hangup/></Response>");
        var failing = new ThrowingService();
        await using var engine = await TestEngine.StartAsync(TestEngine.App("pause", _app.Url("/voice")), cancellationToken,
            services: services => services.AddHostedService(_ => failing));
        await failing.Thrown.Task.WaitAsync(cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "pause", "uac_wait_bye.xml");

        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, "the engine still answers and hangs up: " + sipp.Describe() + engine.Log);
        engine.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested
            .Should().BeFalse("a failed background service no longer stops the host");
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task SixCalls_MaxConcurrentCallsThree_ThreeAnsweredThreeRefused503WithRetryAfter(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Pause length=\"5\"/></Response>");
        var settings = TestEngine.App("busy", _app.Url("/voice"));
        settings["Limits:MaxConcurrentCalls"] = "3";
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);

        await using var sipp = SippRunner.Start($"127.0.0.1:{engine.SipPort.ToString(CultureInfo.InvariantCulture)}", "-sf", "uac_wait_bye_or_503.xml",
            "-s", "busy", "-m", "6", "-l", "6", "-r", "20", "-key", "rtp_port", "{media_port}", "-timeout", "60s", "-timeout_error");

        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, "each call is answered then hung up, or refused with Retry-After: " + sipp.Describe() + engine.Log);
        _app.RequestsTo("/voice").Should().HaveCount(3, "a refused call fetches no document");
        var admission = engine.Services.GetRequiredService<CallAdmission>();
        admission.ShedCount.Should().Be(3);
        admission.InProgress.Should().Be(0);
        engine.Log.Should().Contain("Shedding new calls (503 + Retry-After): too many calls in progress");
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task Stop_CallInProgress_CallFinishesWhileNewCallsGet503AndOptionsAnswers(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Pause length=\"3\"/></Response>");
        var settings = TestEngine.App("drain", _app.Url("/voice"), ("StatusCallback", _app.Url("/status").ToString()));
        settings["Limits:DrainTimeout"] = "00:00:30";
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);
        var admission = engine.Services.GetRequiredService<CallAdmission>();
        using var http = new HttpClient { BaseAddress = engine.HttpBaseUrl };
        await using var caller = SippRunner.Call(engine.SipPort, "drain", "uac_wait_bye.xml");
        await _app.WaitForRequestAsync("/voice", cancellationToken);

        var stopping = engine.StopAsync();
        while (!admission.IsDraining)
        {
            await Task.Delay(10, cancellationToken);
        }

        await using (var late = SippRunner.Call(engine.SipPort, "drain", "uac_expect_503.xml"))
        {
            (await late.WaitAsync(cancellationToken)).Should().Be(0, "a new INVITE while draining gets 503 + Retry-After: " + late.Describe() + engine.Log);
        }

        (await OptionsStatusAsync(engine.SipPort, cancellationToken)).Should().StartWith("SIP/2.0 200", "OPTIONS keeps answering while draining");
        using (var api = await http.PostAsync($"/2010-04-01/Accounts/{EngineOptions.DefaultAccountSid}/Calls.json",
            new StringContent("To=sip%3Aa%40127.0.0.1&From=%2B1555&Url=http%3A%2F%2F127.0.0.1%2Fv", Encoding.UTF8, "application/x-www-form-urlencoded"),
            cancellationToken))
        {
            var body = await api.Content.ReadAsStringAsync(cancellationToken);
            api.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, body);
            JsonDocument.Parse(body).RootElement.GetProperty("code").GetInt32().Should().Be(20503);
        }

        (await caller.WaitAsync(cancellationToken)).Should().Be(0, caller.Describe() + engine.Log);
        await stopping.WaitAsync(cancellationToken);
        var completed = _app.RequestsTo("/status").Should().ContainSingle().Subject;
        completed["CallStatus"].Should().Be("completed");
        int.Parse(completed["CallDuration"]!, CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(3, "the call ran its whole document, not cut by the stop");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Stop_CallLongerThanDrainTimeout_HungUpWithByeAtTheTimeout(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Pause length=\"30\"/></Response>");
        var settings = TestEngine.App("long", _app.Url("/voice"), ("StatusCallback", _app.Url("/status").ToString()));
        settings["Limits:DrainTimeout"] = "00:00:01";
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);
        await using var caller = SippRunner.Call(engine.SipPort, "long", "uac_wait_bye.xml");
        await _app.WaitForRequestAsync("/voice", cancellationToken);
        var started = TimeProvider.System.GetTimestamp();

        await engine.StopAsync();

        TimeProvider.System.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(10), "the drain gives up after its timeout");
        (await caller.WaitAsync(cancellationToken)).Should().Be(0, "the caller got the engine's BYE: " + caller.Describe() + engine.Log);
        engine.Log.Should().Contain("Drain timeout: hanging up the 1 call still in progress");
        engine.Log.Should().NotContain("SIP handler failed").And.NotContain("TaskCanceledException", "a stop is not a failure");
        engine.Log.Should().Contain("Call for long hung up by the shutdown after", "the call still gets its end-of-call line");
        var completed = _app.RequestsTo("/status").Should().ContainSingle().Subject;
        int.Parse(completed["CallDuration"]!, CultureInfo.InvariantCulture).Should().BeLessThan(10);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task PostDrain_FromLoopback_202ThenNewInvitesGet503(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Hangup/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("drain", _app.Url("/voice")), cancellationToken);
        using var http = new HttpClient { BaseAddress = engine.HttpBaseUrl };

        using var drain = await http.PostAsync("/drain", null, cancellationToken);

        drain.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await drain.Content.ReadAsStringAsync(cancellationToken)).Should().Contain("0 calls in progress");
        await using var late = SippRunner.Call(engine.SipPort, "drain", "uac_expect_503.xml");
        (await late.WaitAsync(cancellationToken)).Should().Be(0, "a drained engine refuses new INVITEs: " + late.Describe() + engine.Log);
        _app.RequestsTo("/voice").Should().BeEmpty();
        engine.Log.Should().Contain("Drain requested (POST /drain)");
    }

    // One OPTIONS over UDP from a socket of its own; returns the status line of the answer.
    private static async Task<string> OptionsStatusAsync(int port, CancellationToken cancellationToken)
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)socket.Client.LocalEndPoint!;
        var message = $"OPTIONS sip:rcml@127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{local.Port};branch=z9hG4bK-drain-options\r\n" +
            $"Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=p1\r\nTo: <sip:rcml@127.0.0.1>\r\nCall-ID: drain-options-{local.Port}\r\n" +
            "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(message), new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
        var answer = await socket.ReceiveAsync(cancellationToken);
        var text = Encoding.ASCII.GetString(answer.Buffer);
        return text[..text.IndexOf('\r', StringComparison.Ordinal)];
    }

    private sealed class ThrowingService : BackgroundService
    {
        public TaskCompletionSource Thrown { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            Thrown.TrySetResult();
            throw new InvalidOperationException("Process has exited, so the requested information is not available.");
        }
    }
}
