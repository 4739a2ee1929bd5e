using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Records;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// Issue 5 on the real path: SIPp calls the engine host (SIP, RTP, the interpreter, webhooks) over UDP,
/// the application is a Kestrel app inside the test, and what the caller hears is captured as RTP.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class InboundCallTests
{
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
    public async Task SayThenHangup_SippCalls_HearsSpeechOverRtpThenGetsBye(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Say>Hello from the engine. This is a test.</Say><Hangup/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("hello", _app.Url("/voice")), cancellationToken);
        using var phone = new UdpTestPeer();
        using var capture = phone.Capture();

        await using var sipp = SippRunner.Call(engine.SipPort, "hello", "uac_wait_bye.xml", phone.RtpEndPoint.Port);
        var exit = await sipp.WaitAsync(cancellationToken);

        exit.Should().Be(0, "SIPp got 200 OK, then the engine's BYE: " + sipp.Describe() + engine.Log);
        var packets = capture.Packets;
        RtpAudio.PayloadTypes(packets).Should().OnlyContain(pt => pt == 0, "PCMU, the first codec of the offer");
        packets.Count.Should().BeGreaterThan(50, "over a second of speech at 20 ms a packet");
        var samples = RtpAudio.Decode(packets);
        ToneAnalysis.Rms(samples).Should().BeGreaterThan(300, "the caller hears speech, not silence");

        // Stopping flushes the call records: the call is in the records store, completed, with its talk time.
        await engine.StopAsync();
        var voice = _app.RequestsTo("/voice").Should().ContainSingle().Subject;
        var record = await engine.Services.GetRequiredService<ICallRecordStore>().FindAsync(voice["AccountSid"]!, voice["CallSid"]!, cancellationToken);
        record.Should().NotBeNull(engine.Log);
        record!.Status.Should().Be(CallStatus.Completed);
        record.Direction.Should().Be(CallDirection.Inbound);
        record.Duration.Should().BePositive("the caller heard over a second of speech");
        record.AnswerTime.Should().NotBeNull();
        record.EndTime.Should().BeOnOrAfter(record.AnswerTime!.Value);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task SayThenHangup_OverTcp_AnsweredAndHungUp(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Say>Over TCP.</Say><Hangup/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("tcp", _app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipTcpPort, "tcp", "uac_wait_bye.xml", null, "-t", "t1");

        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Play_WavFromTheApp_ReachesTheCallerAsItsTone(CancellationToken cancellationToken)
    {
        var tone = ToneAnalysis.Sine(1000, 8000, 8000);
        var pcm = new byte[tone.Length * 2];
        Buffer.BlockCopy(tone, 0, pcm, 0, pcm.Length);
        _app.MapXml("/voice", "<Response><Play>/tone.wav</Play><Hangup/></Response>")
            .Map("/tone.wav", TestResponse.File(WavBytes.Build(1, 1, 8000, 16, pcm), "audio/wav"));
        await using var engine = await TestEngine.StartAsync(TestEngine.App("play", _app.Url("/voice")), cancellationToken);
        using var phone = new UdpTestPeer();
        using var capture = phone.Capture();

        await using var sipp = SippRunner.Call(engine.SipPort, "play", "uac_wait_bye.xml", phone.RtpEndPoint.Port);
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);

        var samples = RtpAudio.Decode(capture.Packets);
        var loud = samples.Count(s => Math.Abs((int)s) > 2000);
        MediaDuration(loud).TotalSeconds.Should().BeInRange(0.5, 1.1, "the one-second tone, and only it, is loud");
        var start = Array.FindIndex(samples, s => Math.Abs((int)s) > 2000);
        ToneAnalysis.DominantFrequency(samples.AsSpan(start + 400, 4000)).Should().Be(1000);
        _app.RequestsTo("/tone.wav").Should().ContainSingle().Which.Method.Should().Be("GET");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RejectBusy_SippCalls_Gets486(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Reject reason=\"busy\"/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("busy", _app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "busy", "uac_busy.xml");

        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, "the engine answered 486 Busy Here: " + sipp.Describe() + engine.Log);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task UnknownUser_SippCalls_Gets404AndNoWebhook(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Hangup/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("known", _app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "nobody", "uac_not_found.xml");

        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, "the engine answered 404: " + sipp.Describe() + engine.Log);
        _app.Requests.Should().BeEmpty("an unrouted call fetches nothing");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task AppDown_FallbackUrl_RunsTheFallbackDocument(CancellationToken cancellationToken)
    {
        _app.MapXml("/fallback", "<Response><Say>The fallback speaks.</Say><Hangup/></Response>");
        var settings = TestEngine.App("down", TestWebApp.UnusedLoopbackUrl("/voice"), ("VoiceFallbackUrl", _app.Url("/fallback").ToString()));
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);
        using var phone = new UdpTestPeer();
        using var capture = phone.Capture();

        await using var sipp = SippRunner.Call(engine.SipPort, "down", "uac_wait_bye.xml", phone.RtpEndPoint.Port);
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);

        var fallback = _app.RequestsTo("/fallback").Should().ContainSingle().Subject;
        fallback["ErrorCode"].Should().Be("11205", "the voice URL refused the connection");
        fallback["CallSid"].Should().MatchRegex("^CA[0-9a-f]{32}$");
        ToneAnalysis.Rms(RtpAudio.Decode(capture.Packets)).Should().BeGreaterThan(300, "the fallback's Say was heard");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task VoiceRequest_SipFacts_AreTwiliosParameters(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Hangup/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("facts", _app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "facts", "uac_wait_bye.xml");
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);

        var voice = _app.RequestsTo("/voice").Should().ContainSingle().Subject;
        voice["From"].Should().Be("+15550001111");
        voice["To"].Should().Be("facts");
        voice["CallerName"].Should().Be("SIPp Caller");
        voice["ForwardedFrom"].Should().Be("+15559990000");
        voice["Direction"].Should().Be("inbound");
        voice["CallStatus"].Should().Be("ringing");
        voice["SipSourceIp"].Should().Be("127.0.0.1");
        voice["SipCallId"].Should().EndWith("@127.0.0.1");
        voice["SipHeader_X-Customer-Id"].Should().Be("42");
    }

    private static TimeSpan MediaDuration(int samples) => TimeSpan.FromSeconds(samples / 8000.0);
}
