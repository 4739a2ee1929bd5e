using System.Globalization;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>Status callbacks of real SIP calls: their order, their retries, and their survival across a restart.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class StatusCallbackTests
{
    private const string AllEvents = "initiated ringing answered completed";

    // Quick retries so that a receiver failing twice is delivered within the test.
    private static readonly (string, string?)[] FastWebhooks =
    [
        ("Webhooks:Callbacks:RetryBaseDelay", "00:00:00.050"),
        ("Webhooks:Callbacks:RetryMaxDelay", "00:00:00.200"),
        ("Webhooks:Callbacks:AttemptTimeout", "00:00:02"),
        ("Webhooks:Queue:RedeliveryDelay", "00:00:00.200"),
    ];

    private TestWebApp _app = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("sipp");
        PeerPrograms.Require("espeak-ng");
        _app = await TestWebApp.StartAsync();
    }

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [Test]
    [CancelAfter(60_000)]
    public async Task CallerHangsUpMidPlay_CompletedCallback_CarriesTheCallDuration(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Play loop=\"0\">/tone.wav</Play></Response>")
            .Map("/tone.wav", TestResponse.File(WavBytes.Build(1, 1, 8000, 16, new byte[16000]), "audio/wav"));
        var settings = TestEngine.App("long", _app.Url("/voice"), ("StatusCallback", _app.Url("/status").ToString()));
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "long", "uac_hangup.xml", null, "-d", "3000");
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);

        var completed = await _app.WaitForRequestAsync("/status", cancellationToken);
        completed["CallStatus"].Should().Be("completed");
        int.Parse(completed["CallDuration"]!, CultureInfo.InvariantCulture).Should().BeInRange(3, 4, "SIPp hung up 3 s after the answer");
        completed["SequenceNumber"].Should().Be("0");
        completed["CallbackSource"].Should().Be("call-progress-events");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task AllEvents_SlowReceiverFailingTwice_ArriveInOrderNumbered0To3(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Say>Short call.</Say><Hangup/></Response>")
            .Delay("/status", TimeSpan.FromMilliseconds(300))
            .Fail("/status", times: 2, statusCode: 503);
        var settings = TestEngine.App("events", _app.Url("/voice"),
            [("StatusCallback", _app.Url("/status").ToString()), ("StatusCallbackEvent", AllEvents)]);
        foreach (var (key, value) in FastWebhooks)
        {
            settings[key] = value;
        }

        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);
        var started = TimeProvider.System.GetTimestamp();
        await using var sipp = SippRunner.Call(engine.SipPort, "events", "uac_wait_bye.xml");
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);
        var callTime = TimeProvider.System.GetElapsedTime(started);

        await _app.WaitForRequestsAsync("/status", 6, cancellationToken);
        var delivered = _app.RequestsTo("/status").Skip(2).ToList();
        delivered.Select(r => r["SequenceNumber"]).Should().Equal("0", "1", "2", "3");
        delivered.Select(r => r["CallStatus"]).Should().Equal("initiated", "ringing", "in-progress", "completed");
        delivered.Select(r => r["CallSid"]).Distinct().Should().ContainSingle();
        _app.RequestsTo("/status").Take(2).Should().OnlyContain(r => r["SequenceNumber"] == "0", "the first callback was retried until it got through");
        callTime.Should().BeLessThan(TimeSpan.FromSeconds(10), "the slow receiver never held up the call");
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task Restart_CallbacksUndeliveredWhileReceiverDown_AreDeliveredByTheNextEngine(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Say>Short call.</Say><Hangup/></Response>");
        var receiverPort = FreePorts.Pick();
        var statusUrl = $"http://127.0.0.1:{receiverPort}/status";
        var settings = TestEngine.App("restart", _app.Url("/voice"), [("StatusCallback", statusUrl), ("StatusCallbackEvent", AllEvents)]);
        foreach (var (key, value) in FastWebhooks)
        {
            settings[key] = value;
        }

        using var data = new TempDirectory();
        string callSid;
        await using (var first = await TestEngine.StartAsync(settings, cancellationToken, data.Path))
        {
            await using var sipp = SippRunner.Call(first.SipPort, "restart", "uac_wait_bye.xml");
            (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + first.Log);
            callSid = _app.RequestsTo("/voice").Should().ContainSingle().Subject["CallSid"]!;
        }

        await using var receiver = await TestWebApp.StartAsync(receiverPort, cancellationToken);
        await using var second = await TestEngine.StartAsync(settings, cancellationToken, data.Path);

        var delivered = await receiver.WaitForRequestsAsync("/status", 4, cancellationToken);
        delivered.Select(r => r["CallSid"]).Should().OnlyContain(sid => sid == callSid);
        delivered.Select(r => r["SequenceNumber"]).Should().Equal("0", "1", "2", "3");
        delivered[^1]["CallStatus"].Should().Be("completed");
    }
}
