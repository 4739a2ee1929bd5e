using System.Globalization;
using RcmlEngine.Media.Wav;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// Issue 6's bridge media on the real path: SIPp does the signalling of both parties (the caller's INVITE,
/// the callee's answer, re-INVITEs for hold), while the media of each party is an RTP socket the test owns
/// (<see cref="TestRtpPhone"/>), so the test sees exactly what the engine sends each phone.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed partial class DialBridgeMediaTests
{
    private const double CallerTone = 1000;
    private const double CalleeTone = 600;
    private const double MusicOnHold = 800;
    private TestWebApp _app = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("sipp");
        _app = await TestWebApp.StartAsync();
        _app.MapXml("/done", "<Response><Hangup/></Response>");
    }

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [Test]
    [CancelAfter(60_000)]
    public async Task Bridge_Rfc4733KeysBothWays_EachPhoneGetsThemWithItsOwnPayloadType(CancellationToken cancellationToken)
    {
        using var callerPhone = new TestRtpPhone();
        using var calleePhone = new TestRtpPhone();
        await using var callee = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", calleePhone.Port.ToString(CultureInfo.InvariantCulture));
        _app.MapXml("/voice", $"<Response><Dial action=\"/done\" timeLimit=\"8\"><Sip>sip:service@127.0.0.1:{callee.Port}</Sip></Dial></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_bridge_party.xml", callerPhone.Port, "-key", "te_pt", "96");
        await WaitForBridgeAsync(callerPhone, calleePhone, () => caller.Describe() + callee.Describe() + engine.Log, cancellationToken);

        await callerPhone.SendDigitAsync(96, 5, cancellationToken);
        await calleePhone.WaitForAsync(p => IsEnd(p, 101, 5), cancellationToken);
        await calleePhone.SendDigitAsync(101, 9, cancellationToken);
        await callerPhone.WaitForAsync(p => IsEnd(p, 96, 9), cancellationToken);

        TestRtpPhone.Events(calleePhone.Packets, 101).Select(e => e.Event.EventCode).Should().OnlyContain(code => code == 5, "the callee got the caller's 5 as events of its own type 101");
        TestRtpPhone.Events(calleePhone.Packets, 96).Should().BeEmpty("the caller's type 96 means nothing to the callee");
        TestRtpPhone.Events(callerPhone.Packets, 96).Select(e => e.Event.EventCode).Should().OnlyContain(code => code == 9);
        TestRtpPhone.Events(callerPhone.Packets, 101).Should().BeEmpty();
        (await callee.WaitAsync(cancellationToken)).Should().Be(0, "BYE at the time limit: " + callee.Describe() + engine.Log);
        (await caller.WaitAsync(cancellationToken)).Should().Be(0, caller.Describe());
    }

    [TestCase("caller")]
    [TestCase("callee")]
    [CancelAfter(90_000)]
    public async Task Bridge_OneSideHolds_AnsweredRecvonlyThenInactive_HeldPhoneGetsNothing_MusicRelayed_CallSurvivesAndResumes(string holder, CancellationToken cancellationToken)
    {
        using var callerPhone = new TestRtpPhone();
        using var calleePhone = new TestRtpPhone();
        var calleeHolds = holder == "callee";
        var (holding, other) = calleeHolds ? (calleePhone, callerPhone) : (callerPhone, calleePhone);
        var calleePort = calleePhone.Port.ToString(CultureInfo.InvariantCulture);
        await using var callee = SippRunner.StartUas(calleeHolds ? "uas_hold.xml" : "uas_bridge_party.xml", "-key", "rtp_port", calleePort);
        _app.MapXml("/voice", $"<Response><Dial answerOnBridge=\"true\" action=\"/done\"><Sip>sip:service@127.0.0.1:{callee.Port}</Sip></Dial></Response>");
        var settings = TestEngine.App("dial", _app.Url("/voice"));

        // The holding phone falls silent for longer than this while held: the call must survive it.
        settings["Rtp:InactivityTimeout"] = "00:00:03";
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);

        await using var caller = SippRunner.Call(engine.SipPort, "dial", calleeHolds ? "uac_bridge_party.xml" : "uac_hold.xml", callerPhone.Port, "-key", "te_pt", "101");
        await WaitForBridgeAsync(callerPhone, calleePhone, () => caller.Describe() + callee.Describe() + engine.Log, cancellationToken);
        using var talking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var otherTalks = other.SendToneUntilCancelledAsync(other == callerPhone ? CallerTone : CalleeTone, talking.Token);

        // sendonly: the engine stops sending to the holder at once, and relays its music on hold.
        var heldAt = await holding.WaitForQuietAsync(TimeSpan.FromMilliseconds(400), cancellationToken);
        var holdSeen = TimeProvider.System.GetTimestamp();
        using (var music = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var playing = holding.SendToneUntilCancelledAsync(MusicOnHold, music.Token);
            await WithinAsync("music on hold relayed", token => other.WaitForAsync(p => TestRtpPhone.CarriesTone(p, MusicOnHold), token, includeEarlier: false),
                () => caller.Describe() + callee.Describe() + engine.Log, cancellationToken);
            await music.CancelAsync();
            await playing;
        }

        // Then the holder sends nothing (the rest of sendonly, then inactive) for longer than the inactivity timeout.
        string Describe() => caller.Describe() + callee.Describe() + engine.Log;
        await WithinAsync("the resume", token => holding.WaitForCountAsync(heldAt + 1, token), Describe, cancellationToken);
        var held = TimeProvider.System.GetElapsedTime(holdSeen);
        held.Should().BeGreaterThan(TimeSpan.FromSeconds(6), "nothing reaches the holder until it resumes (5 s sendonly + 3 s inactive): " + engine.Log);

        // sendrecv: both ways again.
        var holderTalks = holding.SendToneUntilCancelledAsync(MusicOnHold, talking.Token);
        await WithinAsync("two-way audio after the resume", token => Task.WhenAll(
            holding.WaitForAsync(p => TestRtpPhone.CarriesTone(p, other == callerPhone ? CallerTone : CalleeTone), token, includeEarlier: false),
            other.WaitForAsync(p => TestRtpPhone.CarriesTone(p, MusicOnHold), token, includeEarlier: false)), Describe, cancellationToken);

        // Both phones go on talking until the call ends: silence longer than the 3 s inactivity timeout
        // before SIPp's BYE would end the call for lost media, which is not what this test is about.
        (await callee.WaitAsync(cancellationToken)).Should().Be(0, "the engine answered recvonly, inactive, sendrecv: " + callee.Describe() + engine.Log);
        (await caller.WaitAsync(cancellationToken)).Should().Be(0, caller.Describe());
        await talking.CancelAsync();
        await Task.WhenAll(otherTalks, holderTalks);
        engine.Log.Should().NotContain("InactivityTimeout");
        (await _app.WaitForRequestAsync("/done", cancellationToken))["DialCallStatus"].Should().Be("completed");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Record_TrimSilence_TheRecordingHoldsOnlyFromTheFirstToTheLastSound(CancellationToken cancellationToken)
    {
        using var callerPhone = new TestRtpPhone();
        using var calleePhone = new TestRtpPhone();
        await using var callee = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", calleePhone.Port.ToString(CultureInfo.InvariantCulture));
        _app.MapXml("/voice", "<Response><Dial action=\"/done\" timeLimit=\"4\" record=\"record-from-answer\" trim=\"trim-silence\">"
            + $"<Sip>sip:service@127.0.0.1:{callee.Port}</Sip></Dial></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_bridge_party.xml", callerPhone.Port, "-key", "te_pt", "101");
        await calleePhone.WaitForEngineAsync(cancellationToken);

        // A second of silence recorded first (the phones send nothing), then the tones, then silence to the time limit.
        await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, cancellationToken);
        await WaitForBridgeAsync(callerPhone, calleePhone, () => caller.Describe() + callee.Describe() + engine.Log, cancellationToken);

        var done = await _app.WaitForRequestAsync("/done", cancellationToken);
        done["DialCallStatus"].Should().Be("completed", engine.Log);
        using var http = new HttpClient();
        await using var wav = await WavAudioSource.OpenAsync(await http.GetStreamAsync(new Uri(done["RecordingUrl"]!), cancellationToken), "recording", cancellationToken);
        var samples = await AudioReading.ReadAllAsync(wav, cancellationToken);
        (samples.Length / 8000.0).Should().BeLessThan(2.5, "the tones lasted a moment of the 4 s recorded");
        done["RecordingDuration"].Should().Be(((int)Math.Ceiling(samples.Length / 8000.0)).ToString(CultureInfo.InvariantCulture), "the trimmed length is reported");
        ToneAnalysis.Rms(samples.AsSpan(0, 160)).Should().BeGreaterThan(250, "the file starts with sound");
        ToneAnalysis.Rms(samples.AsSpan(samples.Length - 160)).Should().BeGreaterThan(250, "and ends with sound");
        (await caller.WaitAsync(cancellationToken)).Should().Be(0, caller.Describe());
    }

    /// <summary>Waits until each phone hears the other's tone through the engine: the bridge is up both ways.</summary>
    private static Task WaitForBridgeAsync(TestRtpPhone callerPhone, TestRtpPhone calleePhone, Func<string> describe, CancellationToken cancellationToken) =>
        WithinAsync("the bridge", token => WaitForBridgeCoreAsync(callerPhone, calleePhone, token), () => $"caller phone got {callerPhone.Count} packets, callee phone {calleePhone.Count}: {describe()}", cancellationToken);

    /// <summary>Runs a wait bounded by 20 s, failing with <paramref name="describe"/> (the peers' and engine's logs) when it takes longer.</summary>
    private static async Task WithinAsync(string what, Func<CancellationToken, Task> wait, Func<string> describe, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(20));
        try
        {
            await wait(bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"{what}: not within 20 s; {describe()}");
        }
    }

    private static async Task WaitForBridgeCoreAsync(TestRtpPhone callerPhone, TestRtpPhone calleePhone, CancellationToken cancellationToken)
    {
        await Task.WhenAll(callerPhone.WaitForEngineAsync(cancellationToken), calleePhone.WaitForEngineAsync(cancellationToken));
        using var tones = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var playing = Task.WhenAll(
            callerPhone.SendToneUntilCancelledAsync(CallerTone, tones.Token),
            calleePhone.SendToneUntilCancelledAsync(CalleeTone, tones.Token));
        try
        {
            await Task.WhenAll(
                calleePhone.WaitForAsync(p => TestRtpPhone.CarriesTone(p, CallerTone), cancellationToken),
                callerPhone.WaitForAsync(p => TestRtpPhone.CarriesTone(p, CalleeTone), cancellationToken));
        }
        finally
        {
            await tones.CancelAsync();
            await playing;
        }
    }

    private static bool IsEnd(byte[] packet, int payloadType, byte code) =>
        TestRtpPhone.Events([packet], payloadType).Any(e => e.Event.EventCode == code && e.Event.End);
}
