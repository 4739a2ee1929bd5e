using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Notifications;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// Issue 16's two agents on the real path: a SIPp agent and a softphone agent (baresip registered as the Client
/// <c>alice</c>, calling in to its agent document) dial the queue and each takes the next SIPp caller in arrival
/// order; the callers' <see cref="TestRtpPhone"/>s hear their agent.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class QueueBaresipTests
{
    private TestWebApp _app = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("sipp");
        _app = await TestWebApp.StartAsync();
        _app.MapXml("/caller", "<Response><Enqueue action=\"/after\">support</Enqueue></Response>")
            .MapXml("/after", "<Response><Hangup/></Response>")
            .MapXml("/agent", "<Response><Dial timeLimit=\"4\" timeout=\"15\" action=\"/done\"><Queue>support</Queue></Dial></Response>")
            .MapXml("/done", "<Response><Hangup/></Response>");
    }

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [Test]
    [CancelAfter(90_000)]
    public async Task SippAgentThenBaresipClientAgent_EachTakesTheNextCallerInArrivalOrder_CallersHearTheirAgent(CancellationToken cancellationToken)
    {
        using var phoneA = new TestRtpPhone();
        using var phoneB = new TestRtpPhone();
        using var sippAgentPhone = new TestRtpPhone();
        var notifications = new RecordingInboundCallNotifier();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Applications:0:User"] = "caller",
            ["Applications:0:VoiceUrl"] = _app.Url("/caller").ToString(),
            ["Applications:1:User"] = "agent",
            ["Applications:1:VoiceUrl"] = _app.Url("/agent").ToString(),
            ["Clients:0:Name"] = "alice",
            ["Clients:0:Password"] = "wonderland",
        };
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken, services: s => s.AddSingleton<IInboundCallNotifier>(notifications));
        await using var alice = await BaresipRunner.StartAsync(new BaresipOptions
        {
            User = "alice", Password = "wonderland", Registrar = DialTests.Registrar(engine, SipTransportKind.Udp), RegisterInterval = 300,
            AudioSource = "ausine,440",
        }, cancellationToken);
        await alice.WaitForRegistrationAsync(cancellationToken);

        await using var callerA = SippRunner.Call(engine.SipPort, "caller", "uac_bridge_party.xml", phoneA.Port, "-key", "te_pt", "101");
        var a = await _app.WaitForRequestAsync("/caller", cancellationToken);
        await Within("A enqueued", WaitForLogAsync(engine, "Enqueued in support at position 1", cancellationToken), engine, alice, cancellationToken);
        await using var callerB = SippRunner.Call(engine.SipPort, "caller", "uac_bridge_party.xml", phoneB.Port, "-key", "te_pt", "101");
        var b = await _app.WaitForRequestAsync("/caller", cancellationToken, 2);
        await Within("B enqueued", WaitForLogAsync(engine, "Enqueued in support at position 2", cancellationToken), engine, alice, cancellationToken);

        await using var sippAgent = SippRunner.Call(engine.SipPort, "agent", "uac_bridge_party.xml", sippAgentPhone.Port, "-key", "te_pt", "101");
        await Within("the SIPp agent bridged to A", BridgedAsync(sippAgentPhone, phoneA, cancellationToken), engine, alice, cancellationToken);
        await alice.DialAsync($"sip:agent@127.0.0.1:{engine.SipPort}", cancellationToken);
        await Within("B hears alice's 440 Hz", phoneB.WaitForAsync(p => TestRtpPhone.CarriesTone(p, 440), cancellationToken, includeEarlier: false), engine, alice, cancellationToken);

        var dones = await _app.WaitForRequestsAsync("/done", 2, TimeSpan.FromSeconds(30), cancellationToken);
        dones.Select(d => d["DialCallSid"]).Should().Equal([a["CallSid"], b["CallSid"]], engine.Log);
        dones.Should().OnlyContain(d => d["DialCallStatus"] == "completed");
        dones[1]["From"].Should().Contain("alice", "the second agent is the softphone");
        notifications.Notifications.Select(n => (n.CallRef, n.Ref)).Should().Equal([(a["CallSid"]!, "+15550001111"), (b["CallSid"]!, "alice")], engine.Log);
        await alice.WaitForEventAsync("CALL_CLOSED", cancellationToken);
        foreach (var sipp in new[] { callerA, callerB, sippAgent })
        {
            (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe());
        }
    }

    // The caller's tone reaches the agent, then the agent's the caller.
    private static async Task BridgedAsync(TestRtpPhone agent, TestRtpPhone caller, CancellationToken cancellationToken)
    {
        using var tones = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var callerTalks = caller.SendToneUntilCancelledAsync(700, tones.Token);
        var agentTalks = Task.CompletedTask;
        try
        {
            await agent.WaitForAsync(p => TestRtpPhone.CarriesTone(p, 700), cancellationToken, includeEarlier: false);
            agentTalks = agent.SendToneUntilCancelledAsync(1200, tones.Token);
            await caller.WaitForAsync(p => TestRtpPhone.CarriesTone(p, 1200), cancellationToken, includeEarlier: false);
        }
        finally
        {
            await tones.CancelAsync();
            await Task.WhenAll(callerTalks, agentTalks);
        }
    }

    private static async Task WaitForLogAsync(TestEngine engine, string text, CancellationToken cancellationToken)
    {
        while (!engine.Log.Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task Within(string what, Task wait, TestEngine engine, BaresipRunner phone, CancellationToken cancellationToken)
    {
        var finished = await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(20), cancellationToken));
        if (finished != wait)
        {
            Assert.Fail($"{what}: not within 20 s; {phone.Describe()}\n{engine.Log}");
        }

        await wait;
    }
}
