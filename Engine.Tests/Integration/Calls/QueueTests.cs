using System.Net.Http.Headers;
using System.Text;
using RcmlEngine.Rtp.Codecs;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// Issue 16's queues on the real path: SIPp does each party's signalling and a <see cref="TestRtpPhone"/> the
/// test owns is each party's media, so the test hears what the engine sends: wait music, then the agent.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class QueueTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "queue-integration-token";
    private TestWebApp _app = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("sipp");
        _app = await TestWebApp.StartAsync();
        _app.MapXml("/done", "<Response><Hangup/></Response>");
        _app.MapXml("/after", "<Response><Hangup/></Response>");
        _app.MapXml("/wait", "<Response><Pause length=\"1\"/></Response>");
        _app.MapXml("/connect", "<Response><Pause length=\"1\"/></Response>");
        _app.MapXml("/caller-music", "<Response><Enqueue action=\"/after\">support</Enqueue></Response>");
        _app.MapXml("/caller-wait", "<Response><Enqueue waitUrl=\"/wait\" action=\"/after\">support</Enqueue></Response>");
        _app.MapXml("/agent", "<Response><Dial timeLimit=\"5\" timeout=\"10\" action=\"/done\"><Queue url=\"/connect\">support</Queue></Dial></Response>");
    }

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [Test]
    [CancelAfter(90_000)]
    public async Task TwoCallersTwoAgents_EachAgentGetsTheNextCallerInArrivalOrder_AudioBothWays(CancellationToken cancellationToken)
    {
        using var phoneA = new TestRtpPhone();
        using var phoneB = new TestRtpPhone();
        using var agentPhone1 = new TestRtpPhone();
        using var agentPhone2 = new TestRtpPhone();
        await using var engine = await StartEngineAsync(cancellationToken, ("musiccaller", "/caller-music"), ("waitcaller", "/caller-wait"), ("agent", "/agent"));
        string Log() => engine.Log;

        await using var callerA = SippRunner.Call(engine.SipPort, "musiccaller", "uac_bridge_party.xml", phoneA.Port, "-key", "te_pt", "101");
        var callA = await RequestAsync(engine, "/caller-music", cancellationToken);
        await Within("wait music", phoneA.WaitForAsync(IsLoud, cancellationToken), Log, cancellationToken);
        await using var callerB = SippRunner.Call(engine.SipPort, "waitcaller", "uac_bridge_party.xml", phoneB.Port, "-key", "te_pt", "101");
        var waitB = await RequestAsync(engine, "/wait", cancellationToken);

        Param(waitB, "QueuePosition").Should().Be("2", "B joined after A");
        Param(waitB, "CurrentQueueSize").Should().Be("2");
        Param(waitB, "MaxQueueSize").Should().Be("1000");
        Param(waitB, "QueueSid").Should().MatchRegex("^QU[0-9a-f]{32}$");

        await using var agent1 = SippRunner.Call(engine.SipPort, "agent", "uac_bridge_party.xml", agentPhone1.Port, "-key", "te_pt", "101");
        await Within("agent 1 bridged to A", BridgedAsync(agentPhone1, phoneA, 1200, 700, cancellationToken), Log, cancellationToken);
        await using var agent2 = SippRunner.Call(engine.SipPort, "agent", "uac_bridge_party.xml", agentPhone2.Port, "-key", "te_pt", "101");
        await Within("agent 2 bridged to B", BridgedAsync(agentPhone2, phoneB, 1500, 500, cancellationToken), Log, cancellationToken);

        var afters = await _app.WaitForRequestsAsync("/after", 2, TimeSpan.FromSeconds(30), cancellationToken);
        var dones = await _app.WaitForRequestsAsync("/done", 2, TimeSpan.FromSeconds(30), cancellationToken);
        afters.Select(r => Param(r, "QueueResult")).Should().OnlyContain(r => r == "bridged", Log());
        dones.Select(r => Param(r, "DialCallSid")).Should().Equal(Param(callA, "CallSid"), Param(waitB, "CallSid"));
        dones.Select(r => Param(r, "QueueSid")).Should().OnlyContain(s => s == Param(waitB, "QueueSid"));
        var connects = _app.RequestsTo("/connect");
        connects.Select(r => Param(r, "CallSid")).Should().Equal(Param(callA, "CallSid"), Param(waitB, "CallSid"));
        connects.Should().OnlyContain(r => Param(r, "DequeingCallSid").StartsWith("CA", StringComparison.Ordinal));
        foreach (var sipp in new[] { callerA, callerB, agent1, agent2 })
        {
            (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe());
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task WaitGatherLeave_AndQueueFull_ActionGetsLeaveAndQueueFull(CancellationToken cancellationToken)
    {
        _app.MapXml("/tiny", "<Response><Enqueue waitUrl=\"/wait-gather\" maxQueueSize=\"1\" action=\"/after\">tiny</Enqueue></Response>");
        _app.MapXml("/wait-gather", "<Response><Gather numDigits=\"1\" timeout=\"5\" action=\"/leave\"><Pause length=\"5\"/></Gather></Response>");
        _app.MapXml("/leave", "<Response><Leave/></Response>");
        using var phone1 = new TestRtpPhone();
        using var phone2 = new TestRtpPhone();
        await using var engine = await StartEngineAsync(cancellationToken, ("tiny", "/tiny"));

        await using var first = SippRunner.Call(engine.SipPort, "tiny", "uac_bridge_party.xml", phone1.Port, "-key", "te_pt", "101");
        var wait = await RequestAsync(engine, "/wait-gather", cancellationToken);
        await using var second = SippRunner.Call(engine.SipPort, "tiny", "uac_bridge_party.xml", phone2.Port, "-key", "te_pt", "101");
        var full = await RequestAsync(engine, "/after", cancellationToken);
        Param(full, "QueueResult").Should().Be("queue-full");
        Param(full, "CallSid").Should().NotBe(Param(wait, "CallSid"));

        await phone1.SendDigitAsync(101, 7, cancellationToken);
        var leave = await RequestAsync(engine, "/leave", cancellationToken);
        var left = await RequestAsync(engine, "/after", cancellationToken, 2);

        Param(leave, "Digits").Should().Be("7");
        Param(leave, "QueuePosition").Should().Be("1");
        Param(left, "QueueResult").Should().Be("leave", engine.Log);
        Param(left, "CallSid").Should().Be(Param(wait, "CallSid"));
        (await first.WaitAsync(cancellationToken)).Should().Be(0, first.Describe());
        (await second.WaitAsync(cancellationToken)).Should().Be(0, second.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task MembersApi_DequeueFront_CallerRunsTheNewDocument(CancellationToken cancellationToken)
    {
        _app.MapXml("/next", "<Response><Hangup/></Response>");
        using var phone = new TestRtpPhone();
        await using var engine = await StartEngineAsync(cancellationToken, ("waitcaller", "/caller-wait"));
        await using var caller = SippRunner.Call(engine.SipPort, "waitcaller", "uac_bridge_party.xml", phone.Port, "-key", "te_pt", "101");
        var wait = await RequestAsync(engine, "/wait", cancellationToken);
        using var http = new HttpClient { BaseAddress = engine.HttpBaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/2010-04-01/Accounts/{AccountSid}/Queues/{Param(wait, "QueueSid")}/Members/Front.json")
        {
            Content = new FormUrlEncodedContent([new("Url", _app.Url("/next").ToString()), new("Method", "POST")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")));

        using var response = await http.SendAsync(request, cancellationToken);
        var next = await RequestAsync(engine, "/next", cancellationToken);

        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync(cancellationToken));
        Param(next, "QueueResult").Should().Be("redirected");
        Param(next, "CallSid").Should().Be(Param(wait, "CallSid"));
        (await caller.WaitAsync(cancellationToken)).Should().Be(0, caller.Describe());
        _app.RequestsTo("/after").Should().BeEmpty("the API took the caller to its own document");
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task CallerHangsUpWhileBeingDequeued_AgentTakesTheNextCaller(CancellationToken cancellationToken)
    {
        _app.MapXml("/agent-held", "<Response><Dial timeLimit=\"3\" timeout=\"15\" action=\"/done\"><Queue url=\"/connect-held\">support</Queue></Dial></Response>");
        _app.MapXml("/connect-held", "<Response><Pause length=\"1\"/></Response>");
        var dequeueDocument = _app.Hold("/connect-held");
        using var phoneB = new TestRtpPhone();
        using var agentPhone = new TestRtpPhone();
        await using var engine = await StartEngineAsync(cancellationToken, ("musiccaller", "/caller-music"), ("agent", "/agent-held"));

        // A hangs up 8 s after it was answered: while the agent holds it in its dequeue document.
        await using var callerA = SippRunner.Call(engine.SipPort, "musiccaller", "uac_hangup.xml", null, "-d", "8000");
        var a = await RequestAsync(engine, "/caller-music", cancellationToken);
        await Within("A enqueued", WaitForLogAsync(engine, "Enqueued in support at position 1", cancellationToken), () => engine.Log, cancellationToken);
        await using var callerB = SippRunner.Call(engine.SipPort, "musiccaller", "uac_bridge_party.xml", phoneB.Port, "-key", "te_pt", "101");
        var b = await RequestAsync(engine, "/caller-music", cancellationToken, 2);
        await Within("B enqueued", WaitForLogAsync(engine, "Enqueued in support at position 2", cancellationToken), () => engine.Log, cancellationToken);
        await using var agent = SippRunner.Call(engine.SipPort, "agent", "uac_bridge_party.xml", agentPhone.Port, "-key", "te_pt", "101");
        var takingA = await RequestAsync(engine, "/connect-held", cancellationToken);
        (await callerA.WaitAsync(cancellationToken)).Should().Be(0, callerA.Describe());
        dequeueDocument.Release();

        await Within("agent bridged to B", BridgedAsync(agentPhone, phoneB, 1200, 700, cancellationToken), () => engine.Log, cancellationToken);
        var done = await RequestAsync(engine, "/done", cancellationToken);
        Param(takingA, "CallSid").Should().Be(Param(a, "CallSid"), "the agent took A first");
        Param(await RequestAsync(engine, "/connect-held", cancellationToken, 2), "CallSid").Should().Be(Param(b, "CallSid"));
        Param(done, "DialCallStatus").Should().Be("completed");
        Param(done, "DialCallSid").Should().Be(Param(b, "CallSid"), engine.Log);
        engine.Log.Should().Contain($"caller {Param(a, "CallSid")} left while being dequeued");
        (await agent.WaitAsync(cancellationToken)).Should().Be(0, agent.Describe());
        (await callerB.WaitAsync(cancellationToken)).Should().Be(0, callerB.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task DialQueue_EmptyQueue_NoAnswerAtTheDialTimeout(CancellationToken cancellationToken)
    {
        _app.MapXml("/agent-empty", "<Response><Dial timeout=\"2\" action=\"/done\"><Queue>nobody-here</Queue></Dial></Response>");
        using var agentPhone = new TestRtpPhone();
        await using var engine = await StartEngineAsync(cancellationToken, ("agent", "/agent-empty"));

        await using var agent = SippRunner.Call(engine.SipPort, "agent", "uac_bridge_party.xml", agentPhone.Port, "-key", "te_pt", "101");
        var dial = await RequestAsync(engine, "/agent-empty", cancellationToken);
        var done = await RequestAsync(engine, "/done", cancellationToken);

        Param(done, "DialCallStatus").Should().Be("no-answer", engine.Log);
        Param(done, "QueueSid").Should().MatchRegex("^QU[0-9a-f]{32}$");
        Param(done, "DialCallSid").Should().BeEmpty();
        (done.ReceivedAt - dial.ReceivedAt).Should().BeCloseTo(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(900), "the Dial timeout");
        (await agent.WaitAsync(cancellationToken)).Should().Be(0, agent.Describe());
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task Samples_SupportQueueAndAgent_CallerWaitsThenIsBridgedToTheAgent(CancellationToken cancellationToken)
    {
        PeerPrograms.Require("espeak-ng");
        using var callerPhone = new TestRtpPhone();
        using var agentPhone = new TestRtpPhone();
        await using var engine = await TestEngine.StartAsync(new Dictionary<string, string?> { ["Samples:Folder"] = RepoPaths.Samples }, cancellationToken);

        await using var caller = SippRunner.Call(engine.SipPort, "support-queue", "uac_bridge_party.xml", callerPhone.Port, "-key", "te_pt", "101");
        await Within("the caller's greeting and wait document", callerPhone.WaitForAsync(IsLoud, cancellationToken), () => engine.Log, cancellationToken);
        await Within("the caller enqueued", WaitForLogAsync(engine, "Enqueued in support", cancellationToken), () => engine.Log, cancellationToken);
        await using var agent = SippRunner.Call(engine.SipPort, "agent", "uac_bridge_party.xml", agentPhone.Port, "-key", "te_pt", "101");

        await Within("agent bridged to the caller", BridgedAsync(agentPhone, callerPhone, 1200, 700, cancellationToken), () => engine.Log, cancellationToken);
        engine.Log.Should().Contain("Dial Queue: bridged to caller").And.NotContain("64001");
    }

    private static async Task WaitForLogAsync(TestEngine engine, string text, CancellationToken cancellationToken)
    {
        while (!engine.Log.Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task<TestEngine> StartEngineAsync(CancellationToken cancellationToken, params (string User, string Path)[] apps)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Accounts:0:AccountSid"] = AccountSid,
            ["Accounts:0:AuthToken"] = AuthToken,
        };
        for (var i = 0; i < apps.Length; i++)
        {
            settings[$"Applications:{i}:User"] = apps[i].User;
            settings[$"Applications:{i}:VoiceUrl"] = _app.Url(apps[i].Path).ToString();
            settings[$"Applications:{i}:AccountSid"] = AccountSid;
        }

        return await TestEngine.StartAsync(settings, cancellationToken);
    }

    private async Task<RecordedRequest> RequestAsync(TestEngine engine, string path, CancellationToken cancellationToken, int n = 1)
    {
        try
        {
            return (await _app.WaitForRequestsAsync(path, n, TimeSpan.FromSeconds(20), cancellationToken))[n - 1];
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            Assert.Fail($"{path} #{n}: not requested within 20 s ({exception.Message}); {engine.Log}");
            throw;
        }
    }

    private static string Param(RecordedRequest request, string name) =>
        request.FormPairs.Concat(request.Query).FirstOrDefault(p => p.Key == name).Value ?? string.Empty;

    private static bool IsLoud(byte[] packet) => packet.Length >= 172 && AudioRms(packet) > 100;

    private static double AudioRms(byte[] packet)
    {
        var samples = new short[160];
        var codec = packet[1] % 128 == 8 ? G711Codec.Pcma : G711Codec.Pcmu;
        codec.Decode(packet.AsSpan(12, 160), samples);
        return ToneAnalysis.Rms(samples);
    }

    // The caller's tone reaches the agent (whose phone learns the engine's address from it), then the agent's the caller.
    private static async Task BridgedAsync(TestRtpPhone agent, TestRtpPhone caller, double agentTone, double callerTone, CancellationToken cancellationToken)
    {
        using var tones = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var callerTalks = caller.SendToneUntilCancelledAsync(callerTone, tones.Token);
        var agentTalks = Task.CompletedTask;
        try
        {
            await agent.WaitForAsync(p => TestRtpPhone.CarriesTone(p, callerTone), cancellationToken, includeEarlier: false);
            agentTalks = agent.SendToneUntilCancelledAsync(agentTone, tones.Token);
            await caller.WaitForAsync(p => TestRtpPhone.CarriesTone(p, agentTone), cancellationToken, includeEarlier: false);
        }
        finally
        {
            await tones.CancelAsync();
            await Task.WhenAll(callerTalks, agentTalks);
        }
    }

    private static async Task Within(string what, Task wait, Func<string> describe, CancellationToken cancellationToken)
    {
        var finished = await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(20), cancellationToken));
        if (finished != wait)
        {
            Assert.Fail($"{what}: not within 20 s; {describe()}");
        }

        await wait;
    }
}
