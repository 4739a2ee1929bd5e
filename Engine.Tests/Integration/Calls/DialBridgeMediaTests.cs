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
        await using var callee = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", calleePhone.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _app.MapXml("/voice", $"<Response><Dial action=\"/done\" timeLimit=\"8\"><Sip>sip:service@127.0.0.1:{callee.Port}</Sip></Dial></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_bridge_party.xml", callerPhone.Port, "-key", "te_pt", "96");
        await WaitForBridgeAsync(callerPhone, calleePhone, cancellationToken);

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

    /// <summary>Waits until each phone hears the other's tone through the engine: the bridge is up both ways.</summary>
    private static async Task WaitForBridgeAsync(TestRtpPhone callerPhone, TestRtpPhone calleePhone, CancellationToken cancellationToken)
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
