using RcmlEngine.Media.Wav;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// Dial with a real softphone: baresip registers as a configured Client and is rung at its binding,
/// screens the call and presses 1 to accept; baresip calls in and hears its own tone back through the
/// bridge from a SIPp callee that echoes RTP in PCMA (the caller speaks PCMU: transcoded both ways).
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class DialBaresipTests
{
    private TestWebApp _app = null!;
    private TempDirectory _files = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("sipp");
        PeerPrograms.Require("espeak-ng");
        _app = await TestWebApp.StartAsync();
        _files = new TempDirectory();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _app.DisposeAsync();
        _files.Dispose();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Client_RegisteredBaresip_ScreensAndPressesOne_BridgedAndActionCompleted(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Dial action=\"/done\" timeLimit=\"2\"><Client url=\"/screen\">alice</Client></Dial></Response>")
            .MapXml("/screen", "<Response><Gather numDigits=\"1\" timeout=\"10\" action=\"/screened\"><Say>Press one to take the call.</Say></Gather><Hangup/></Response>")
            .Map("/screened", r => TestResponse.Xml(r["Digits"] == "1" ? "<Response/>" : "<Response><Hangup/></Response>"))
            .MapXml("/done", "<Response><Hangup/></Response>");
        var settings = TestEngine.App("dial", _app.Url("/voice"));
        settings["Clients:0:Name"] = "alice";
        settings["Clients:0:Password"] = "wonderland";
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);
        await using var phone = await BaresipRunner.StartAsync(new BaresipOptions
        {
            User = "alice", Password = "wonderland", Registrar = DialTests.Registrar(engine, SipTransportKind.Udp), RegisterInterval = 300, AnswerMode = "auto",
        }, cancellationToken);
        await phone.WaitForRegistrationAsync(cancellationToken);

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_wait_bye.xml");
        await phone.WaitForEventAsync("CALL_ESTABLISHED", cancellationToken);
        var screen = await _app.WaitForRequestAsync("/screen", cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System, cancellationToken);
        await phone.SendDtmfAsync("1", cancellationToken);

        var screened = await _app.WaitForRequestAsync("/screened", cancellationToken);
        screened["Digits"].Should().Be("1", phone.Describe() + engine.Log);
        var done = await _app.WaitForRequestAsync("/done", cancellationToken);
        done["DialCallStatus"].Should().Be("completed", engine.Log);
        screen["CallSid"].Should().Be(done["DialCallSid"]);
        screen["ParentCallSid"].Should().Be(done["CallSid"]);
        screen["Direction"].Should().Be("outbound-dial");
        screen["SipCallId"].Should().NotBeNullOrEmpty();
        engine.Log.Should().Contain("bridged with " + done["DialCallSid"]);
        await phone.WaitForEventAsync("CALL_CLOSED", cancellationToken);
        (await caller.WaitAsync(cancellationToken)).Should().Be(0, caller.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task BaresipCallsPcmu_CalleeEchoesPcma_ToneComesBackThroughTheBridge(CancellationToken cancellationToken)
    {
        var tone = _files.File("tone.wav");
        var samples = ToneAnalysis.Sine(1000, 16384, 8000 * 8);
        var pcm = new byte[samples.Length * 2];
        Buffer.BlockCopy(samples, 0, pcm, 0, pcm.Length);
        await File.WriteAllBytesAsync(tone, WavBytes.Build(1, 1, 8000, 16, pcm), cancellationToken);
        await using var callee = SippRunner.StartUas("uas_rtp_echo_pcma.xml", "-rtp_echo");
        _app.MapXml("/voice", $"<Response><Dial timeLimit=\"4\"><Sip>sip:echo@127.0.0.1:{callee.Port}</Sip></Dial><Hangup/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);
        var heard = Directory.CreateDirectory(_files.File("heard")).FullName;
        await using var phone = await BaresipRunner.StartAsync(
            new BaresipOptions { User = "carol", AudioCodecs = ["pcmu"], RecordDirectory = heard }.WithAudioFile(tone), cancellationToken);

        await phone.DialAsync($"sip:dial@127.0.0.1:{engine.SipPort}", cancellationToken);
        await phone.WaitForEventAsync("CALL_CLOSED", cancellationToken);

        (await callee.WaitAsync(cancellationToken)).Should().Be(0, callee.Describe());
        engine.Log.Should().Contain("answered (PCMU)").And.Contain("answered (PCMA)");
        var recording = phone.Recordings("dec").Should().ContainSingle(phone.Describe()).Subject;
        await using var wav = await WavAudioSource.OpenAsync(File.OpenRead(recording), "heard", cancellationToken);
        var received = await AudioReading.ReadAllAsync(wav, cancellationToken);
        var loud = received.Count(s => Math.Abs((int)s) > 4000);
        loud.Should().BeGreaterThan(8000 * 2, "seconds of the tone came back through the bridge: " + engine.Log);
        var start = Array.FindIndex(received, s => Math.Abs((int)s) > 4000);
        ToneAnalysis.DominantFrequency(received.AsSpan(start + 800, 4000)).Should().Be(1000);
    }
}
