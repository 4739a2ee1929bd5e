using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// <c>&lt;Refer&gt;</c> on the real path: SIPp calls the engine, takes (or refuses) the engine's REFER and
/// reports the referred call with sipfrag NOTIFYs; the scenarios check Refer-To (with its URI headers
/// escaped) and Referred-By, and wait for the engine's BYE.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class ReferTests
{
    private const string Target = "sip:transfer-target@127.0.0.1?X-Foo=bar&amp;User-to-User=123%3Bencoding%3Dhex&amp;Subject=hi";

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
    public async Task Refer_AcceptedAndTargetAnswers_ActionGetsInProgressAndEngineHangsUp(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", $"<Response><Refer action=\"/after\"><Sip>{Target}</Sip></Refer><Say>not after a transfer</Say></Response>")
            .MapXml("/after", "<Response><Say>never run</Say></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("refer", _app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "refer", "uac_refer_accept.xml");
        var exit = await sipp.WaitAsync(cancellationToken);

        exit.Should().Be(0, "SIPp saw Refer-To with its URI headers and Referred-By, then the engine's BYE: " + sipp.Describe() + engine.Log);
        var action = await _app.WaitForRequestAsync("/after", cancellationToken);
        action["ReferCallStatus"].Should().Be("in-progress");
        action["ReferSipResponseCode"].Should().Be("202");
        action["NotifySipResponseCode"].Should().Be("200");
        action["CallSid"].Should().MatchRegex("^CA[0-9a-f]{32}$");
        action.Method.Should().Be("POST");
        sipp.ReceivedRequests("REFER").Should().Be(1);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Refer_Refused405_ActionGetsFailedAndItsDocumentRuns(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", $"<Response><Refer action=\"/after\"><Sip>{Target}</Sip></Refer></Response>")
            .MapXml("/after", "<Response><Play>/tone.wav</Play><Hangup/></Response>")
            .Map("/tone.wav", TestResponse.File(Tone(), "audio/wav"));
        await using var engine = await TestEngine.StartAsync(TestEngine.App("refer", _app.Url("/voice")), cancellationToken);
        using var phone = new UdpTestPeer();
        using var capture = phone.Capture();

        await using var sipp = SippRunner.Call(engine.SipPort, "refer", "uac_refer_reject.xml", phone.RtpEndPoint.Port);
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);

        var action = _app.RequestsTo("/after").Should().ContainSingle().Subject;
        action["ReferCallStatus"].Should().Be("failed");
        action["ReferSipResponseCode"].Should().Be("405");
        action["NotifySipResponseCode"].Should().BeNull("the REFER was refused, so no NOTIFY came");
        HeardTone(capture).Should().BeTrue("the action's document played its tone on the call that stayed up");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Refer_TargetBusy_ActionGetsBusyAndTheCallStaysUpForItsDocument(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", $"<Response><Refer action=\"/after\"><Sip>{Target}</Sip></Refer></Response>")
            .MapXml("/after", "<Response><Play>/tone.wav</Play><Hangup/></Response>")
            .Map("/tone.wav", TestResponse.File(Tone(), "audio/wav"));
        await using var engine = await TestEngine.StartAsync(TestEngine.App("refer", _app.Url("/voice")), cancellationToken);
        using var phone = new UdpTestPeer();
        using var capture = phone.Capture();

        await using var sipp = SippRunner.Call(engine.SipPort, "refer", "uac_refer_busy.xml", phone.RtpEndPoint.Port);
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);

        var action = _app.RequestsTo("/after").Should().ContainSingle().Subject;
        action["ReferCallStatus"].Should().Be("busy");
        action["ReferSipResponseCode"].Should().Be("202");
        action["NotifySipResponseCode"].Should().Be("486");
        HeardTone(capture).Should().BeTrue("no BYE came before the action's document played its tone");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Refer_AcceptedWithoutSubscription_InProgressWithoutNotifyCodeAndEngineHangsUp(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", $"<Response><Refer action=\"/after\"><Sip>{Target}</Sip></Refer><Say>not after a transfer</Say></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("refer", _app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "refer", "uac_refer_nosub.xml");
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, "Refer-Sub: false means no NOTIFY, so the engine hangs up at the 202: " + sipp.Describe() + engine.Log);

        var action = await _app.WaitForRequestAsync("/after", cancellationToken);
        action["ReferCallStatus"].Should().Be("in-progress");
        action["ReferSipResponseCode"].Should().Be("202");
        action["NotifySipResponseCode"].Should().BeNull("RFC 4488: no subscription, no NOTIFY");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Refer_CallerHangsUpWhileTheTargetRings_ActionGetsCanceled(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", $"<Response><Refer action=\"/after\"><Sip>{Target}</Sip></Refer><Say>not after a hang-up</Say></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("refer", _app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "refer", "uac_refer_hangup.xml");
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);

        var action = await _app.WaitForRequestAsync("/after", cancellationToken);
        action["ReferCallStatus"].Should().Be("canceled");
        action["ReferSipResponseCode"].Should().Be("202");
        action["NotifySipResponseCode"].Should().Be("100");
        action["CallStatus"].Should().Be("completed");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Refer_NoFinalNotifyInTime_ActionGetsNoAnswerWithTheLastProvisional(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", $"<Response><Refer action=\"/after\"><Sip>{Target}</Sip></Refer></Response>")
            .MapXml("/after", "<Response><Hangup/></Response>");
        var settings = TestEngine.App("refer", _app.Url("/voice"));
        settings["Limits:ReferNotifyTimeout"] = "00:00:02";
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "refer", "uac_refer_no_final.xml");
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);

        var action = _app.RequestsTo("/after").Should().ContainSingle().Subject;
        action["ReferCallStatus"].Should().Be("no-answer");
        action["ReferSipResponseCode"].Should().Be("202");
        action["NotifySipResponseCode"].Should().Be("100");
    }

    private static byte[] Tone()
    {
        var tone = ToneAnalysis.Sine(1000, 8000, 8000);
        var pcm = new byte[tone.Length * 2];
        Buffer.BlockCopy(tone, 0, pcm, 0, pcm.Length);
        return WavBytes.Build(1, 1, 8000, 16, pcm);
    }

    private static bool HeardTone(RtpCapture capture)
    {
        var samples = RtpAudio.Decode(capture.Packets);
        var start = Array.FindIndex(samples, s => Math.Abs((int)s) > 2000);
        return start >= 0 && samples.Length >= start + 4400 && ToneAnalysis.DominantFrequency(samples.AsSpan(start + 400, 4000)) == 1000;
    }
}
