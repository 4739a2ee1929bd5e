using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// Issue 16's inbound-call notification on the real path: SIPp callers key a reference into a Gather (RFC 4733
/// from a <see cref="TestRtpPhone"/>) and enqueue, SIPp agents <c>&lt;Dial&gt;&lt;Queue&gt;</c>, and a real
/// <c>redis-server</c> is read with BRPOP as the contact-centre integration does, across a Redis outage.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class QueueNotificationTests
{
    private const string Key = "rcml:notifications:inbound";
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private TestWebApp _app = null!;
    private TempDirectory _files = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("sipp");
        _app = await TestWebApp.StartAsync();
        _files = new TempDirectory();
        _app.MapXml("/gather", "<Response><Gather numDigits=\"3\" timeout=\"10\" action=\"/enqueue\"><Pause length=\"10\"/></Gather></Response>")
            .MapXml("/enqueue", "<Response><Enqueue action=\"/after\">support</Enqueue></Response>")
            .MapXml("/after", "<Response><Hangup/></Response>")
            .MapXml("/agent", "<Response><Dial timeLimit=\"2\" timeout=\"10\" action=\"/done\"><Queue>support</Queue></Dial></Response>")
            .MapXml("/done", "<Response><Hangup/></Response>");
    }

    [TearDown]
    public async Task TearDown()
    {
        await _app.DisposeAsync();
        _files.Dispose();
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task DialQueue_RealRedis_BrpopGetsTheCallJson_AndTheNextOneAfterAnOutage(CancellationToken cancellationToken)
    {
        await using var redis = await RedisServerRunner.StartAsync(cancellationToken);
        await using var engine = await TestEngine.StartAsync(Settings(redis), cancellationToken);
        using var consumer = await RedisTestClient.ConnectAsync(redis.Port, cancellationToken);

        var (first, firstHeld) = await BridgedCallerAsync(engine, 1, [4, 2, 7], TimeSpan.FromSeconds(2), cancellationToken);
        var json = await consumer.BrpopAsync(Key, TimeSpan.FromSeconds(20), cancellationToken);

        json.Should().NotBeNull(engine.Log);
        var holdTime = HoldTime(json!);
        holdTime.Should().BeInRange((int)firstHeld.TotalSeconds - 1, (int)Math.Ceiling(firstHeld.TotalSeconds), "the caller waited that long in the queue");
        json.Should().Be(Expected(first, holdTime, "427"));

        await redis.StopAsync();
        var (second, _) = await BridgedCallerAsync(engine, 2, [9, 1, 5], TimeSpan.Zero, cancellationToken);
        await Within("a failed push while Redis is down", WaitForLogAsync(engine, "Redis did not take", cancellationToken), engine, cancellationToken);
        await redis.StartAgainAsync(cancellationToken);

        using var after = await RedisTestClient.ConnectAsync(redis.Port, cancellationToken);
        var late = await after.BrpopAsync(Key, TimeSpan.FromSeconds(20), cancellationToken);
        late.Should().NotBeNull(engine.Log);
        late.Should().Be(Expected(second, HoldTime(late!), "915"));
        (await after.CommandAsync(cancellationToken, "LLEN", Key)).Should().Be(0L, "each call was notified once, the first before the outage");
    }

    private Dictionary<string, string?> Settings(RedisServerRunner redis) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Applications:0:User"] = "caller",
        ["Applications:0:VoiceUrl"] = _app.Url("/gather").ToString(),
        ["Applications:1:User"] = "agent",
        ["Applications:1:VoiceUrl"] = _app.Url("/agent").ToString(),
        ["Notifications:ContactRefParameter"] = "Digits",
        ["Notifications:Redis:ConnectionString"] = redis.ConnectionString,
        ["Notifications:Redis:StorePath"] = _files.File("notifications.db"),
        ["Notifications:Redis:RetryDelay"] = "00:00:00.100",
        ["Notifications:Redis:MaxRetryDelay"] = "00:00:00.500",
        ["Notifications:Redis:CommandTimeout"] = "00:00:01",
    };

    // A caller keys digits and enqueues; after holdFor an agent dials the queue and is bridged to it. Returns the
    // caller's enqueue request and how long it was in the queue until the agent came.
    private async Task<(RecordedRequest Caller, TimeSpan Held)> BridgedCallerAsync(
        TestEngine engine, int n, byte[] keys, TimeSpan holdFor, CancellationToken cancellationToken)
    {
        using var phone = new TestRtpPhone();
        using var agentPhone = new TestRtpPhone();
        await using var caller = SippRunner.Call(engine.SipPort, "caller", "uac_bridge_party.xml", phone.Port, "-key", "te_pt", "101");
        await _app.WaitForRequestAsync("/gather", cancellationToken, n);
        await Within("the engine's audio", phone.WaitForEngineAsync(cancellationToken), engine, cancellationToken);
        foreach (var key in keys)
        {
            await phone.SendDigitAsync(101, key, cancellationToken);
        }

        var enqueue = await _app.WaitForRequestAsync("/enqueue", cancellationToken, n);
        var held = Stopwatch.StartNew();
        await Within("the caller enqueued", WaitForLogAsync(engine, "Enqueued in support", cancellationToken), engine, cancellationToken);
        await Task.Delay(holdFor, TimeProvider.System, cancellationToken);
        await using var agent = SippRunner.Call(engine.SipPort, "agent", "uac_bridge_party.xml", agentPhone.Port, "-key", "te_pt", "101");
        await Within("the agent bridged", WaitForLogAsync(engine, "Dial Queue: bridged to caller " + enqueue["CallSid"], cancellationToken), engine, cancellationToken);
        var heldFor = held.Elapsed;
        (await _app.WaitForRequestAsync("/done", cancellationToken, n))["DialCallStatus"].Should().Be("completed", engine.Log);
        (await caller.WaitAsync(cancellationToken)).Should().Be(0, caller.Describe());
        (await agent.WaitAsync(cancellationToken)).Should().Be(0, agent.Describe());
        return (enqueue, heldFor);
    }

    private static string Expected(RecordedRequest caller, int holdTime, string contactRef) =>
        "{\"type\":\"call\",\"payload\":{" + string.Join(',',
            Field("number", caller["From"]!),
            Field("dial_number", caller["To"]!),
            "\"hold_time\":" + holdTime.ToString(CultureInfo.InvariantCulture),
            Field("call_ref", caller["CallSid"]!),
            Field("contact_ref", contactRef),
            Field("call_dir", "inbound"),
            Field("ref", "+15550001111")) + "}}";

    private static string Field(string name, string value) => $"\"{name}\":{JsonSerializer.Serialize(value, Relaxed)}";

    private static int HoldTime(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("payload").GetProperty("hold_time").GetInt32();
    }

    private static async Task WaitForLogAsync(TestEngine engine, string text, CancellationToken cancellationToken)
    {
        while (!engine.Log.Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task Within(string what, Task wait, TestEngine engine, CancellationToken cancellationToken)
    {
        var finished = await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(20), cancellationToken));
        if (finished != wait)
        {
            Assert.Fail($"{what}: not within 20 s; {engine.Log}");
        }

        await wait;
    }
}
