using System.Globalization;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// Issue 17's inbound REFER on the real path: a phone bridged by <c>&lt;Dial&gt;</c> transfers. SIPp does the
/// signalling of every party (the transferor's REFER, its NOTIFY checks, its BYE), while each party's media is
/// an RTP socket the test owns (<see cref="TestRtpPhone"/>) sending a tone of its own, so the test hears
/// exactly who is connected to whom through the engine.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed partial class DialReferTests
{
    private const double CallerTone = 1000;
    private const double CalleeTone = 600;
    private const double TargetTone = 1400;
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
    [CancelAfter(90_000)]
    public async Task DialReferUrl_DialedPartyRefers_CallerBridgedWithTarget_Notify200_TransferorHangsUp(CancellationToken cancellationToken)
    {
        using var callerPhone = new TestRtpPhone();
        using var calleePhone = new TestRtpPhone();
        using var targetPhone = new TestRtpPhone();
        await using var target = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", Port(targetPhone));
        var referTo = $"transfer@127.0.0.1:{target.Port.ToString(CultureInfo.InvariantCulture)}";
        await using var callee = SippRunner.StartUas("uas_refer_transferor.xml", "-key", "rtp_port", Port(calleePhone), "-key", "refer_target", referTo);
        _app.MapXml("/voice", $"<Response><Dial referUrl=\"/refer\" action=\"/done\"><Sip>sip:service@127.0.0.1:{callee.Port}</Sip></Dial></Response>");
        _app.MapXml("/refer", $"<Response><Dial timeLimit=\"4\"><Sip>sip:{referTo}</Sip></Dial></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);
        using var talking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tones = Talk(talking.Token, (callerPhone, CallerTone), (calleePhone, CalleeTone), (targetPhone, TargetTone));

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_bridge_party.xml", callerPhone.Port, "-key", "te_pt", "101");
        string Describe() => caller.Describe() + callee.Describe() + target.Describe() + engine.Log;
        await WithinAsync("the first bridge (caller with callee)", token => HearEachOtherAsync(callerPhone, CalleeTone, calleePhone, CallerTone, token), Describe, cancellationToken);
        await WithinAsync("the transferred bridge (caller with target)", token => HearEachOtherAsync(callerPhone, TargetTone, targetPhone, CallerTone, token), Describe, cancellationToken);

        (await callee.WaitAsync(cancellationToken)).Should().Be(0, "202, NOTIFY 100 (Event refer;id=2), NOTIFY 200 terminated, then its BYE: " + Describe());
        var refer = await _app.WaitForRequestAsync("/refer", cancellationToken);
        var voice = await _app.WaitForRequestAsync("/voice", cancellationToken);
        refer["ReferTransferTarget"].Should().Be($"<sip:{referTo}>", "the Refer-To as received");
        refer["SipHeader_X-Transfer-Reason"].Should().Be("desk-busy");
        refer["CallSid"].Should().Be(voice["CallSid"], "the referUrl gets the parameters of the call that ran the Dial");
        (await _app.WaitForRequestAsync("/done", cancellationToken))["DialCallStatus"].Should().Be("completed", "the transferred call's Dial ends completed once the new bridge ends: " + engine.Log);
        (await caller.WaitAsync(cancellationToken)).Should().Be(0, Describe());
        (await target.WaitAsync(cancellationToken)).Should().Be(0, "the target's call ended at its time limit: " + Describe());
        await talking.CancelAsync();
        await tones;
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task DialReferUrl_CallerRefers_DialedPartyBridgedWithTarget_Notify200_CallerReleased(CancellationToken cancellationToken)
    {
        using var callerPhone = new TestRtpPhone();
        using var calleePhone = new TestRtpPhone();
        using var targetPhone = new TestRtpPhone();
        await using var target = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", Port(targetPhone));
        var referTo = $"transfer@127.0.0.1:{target.Port.ToString(CultureInfo.InvariantCulture)}";
        await using var callee = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", Port(calleePhone));
        _app.MapXml("/voice", $"<Response><Dial referUrl=\"/refer\" referMethod=\"GET\" action=\"/done\"><Sip>sip:service@127.0.0.1:{callee.Port}</Sip></Dial></Response>");
        _app.MapXml("/refer", $"<Response><Dial timeLimit=\"4\"><Sip>sip:{referTo}</Sip></Dial></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);
        using var talking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tones = Talk(talking.Token, (callerPhone, CallerTone), (calleePhone, CalleeTone), (targetPhone, TargetTone));

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_refer_transferor.xml", callerPhone.Port, "-key", "te_pt", "101", "-key", "refer_target", referTo);
        string Describe() => caller.Describe() + callee.Describe() + target.Describe() + engine.Log;
        await WithinAsync("the first bridge (caller with callee)", token => HearEachOtherAsync(callerPhone, CalleeTone, calleePhone, CallerTone, token), Describe, cancellationToken);
        await WithinAsync("the transferred bridge (callee with target)", token => HearEachOtherAsync(calleePhone, TargetTone, targetPhone, CalleeTone, token), Describe, cancellationToken);

        (await caller.WaitAsync(cancellationToken)).Should().Be(0, "202, NOTIFY 100, NOTIFY 200, then its BYE: " + Describe());
        var refer = await _app.WaitForRequestAsync("/refer", cancellationToken);
        refer.Method.Should().Be("GET");
        refer["ReferTransferTarget"].Should().Be($"<sip:{referTo}>");
        refer["SipHeader_X-Transfer-Reason"].Should().Be("caller-asks");
        (await _app.WaitForRequestAsync("/done", cancellationToken))["DialCallStatus"].Should().Be("completed", engine.Log);
        (await target.WaitAsync(cancellationToken)).Should().Be(0, "the target's call ended at its time limit: " + Describe());
        (await callee.WaitAsync(cancellationToken)).Should().Be(0, "the callee is hung up when its transfer document ends: " + Describe());
        await talking.CancelAsync();
        await tones;
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Dial_NoReferUrl_Refer603_BridgeGoesOn_Error13802(CancellationToken cancellationToken)
    {
        using var callerPhone = new TestRtpPhone();
        using var calleePhone = new TestRtpPhone();
        await using var callee = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", Port(calleePhone));
        _app.MapXml("/voice", $"<Response><Dial action=\"/done\" timeLimit=\"8\"><Sip>sip:service@127.0.0.1:{callee.Port}</Sip></Dial></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);
        using var talking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tones = Talk(talking.Token, (callerPhone, CallerTone), (calleePhone, CalleeTone));

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_refer_declined.xml", callerPhone.Port, "-key", "te_pt", "101", "-key", "refer_target", "nobody@127.0.0.1");
        string Describe() => caller.Describe() + callee.Describe() + engine.Log;
        await WithinAsync("the bridge", token => HearEachOtherAsync(callerPhone, CalleeTone, calleePhone, CallerTone, token), Describe, cancellationToken);
        await WithinAsync("error 13802", async token =>
        {
            while (!engine.Log.Contains("13802", StringComparison.Ordinal))
            {
                await Task.Delay(100, token);
            }
        }, Describe, cancellationToken);
        await WithinAsync("the bridge after the declined REFER", token => HearEachOtherAsync(callerPhone, CalleeTone, calleePhone, CallerTone, token, afterNow: true), Describe, cancellationToken);

        (await caller.WaitAsync(cancellationToken)).Should().Be(0, "REFER answered 603, then the engine's BYE at the time limit: " + Describe());
        (await _app.WaitForRequestAsync("/done", cancellationToken))["DialCallStatus"].Should().Be("completed");
        engine.Log.Should().Contain("No referUrl attribute specified");
        await talking.CancelAsync();
        await tones;
    }

    private static string Port(TestRtpPhone phone) => phone.Port.ToString(CultureInfo.InvariantCulture);

    // Every phone sends its tone from the engine's first packet (its address) until the test ends.
    private static Task Talk(CancellationToken cancellationToken, params (TestRtpPhone Phone, double Tone)[] phones) =>
        Task.WhenAll(phones.Select(async p =>
        {
            try
            {
                await p.Phone.WaitForEngineAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await p.Phone.SendToneUntilCancelledAsync(p.Tone, cancellationToken);
        }));

    // Both phones hear the other's tone through the engine (packets from now on only, with afterNow).
    private static Task<byte[][]> HearEachOtherAsync(TestRtpPhone one, double oneHears, TestRtpPhone other, double otherHears, CancellationToken cancellationToken, bool afterNow = false) =>
        Task.WhenAll(
            one.WaitForAsync(p => TestRtpPhone.CarriesTone(p, oneHears), cancellationToken, includeEarlier: !afterNow),
            other.WaitForAsync(p => TestRtpPhone.CarriesTone(p, otherHears), cancellationToken, includeEarlier: !afterNow));

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
}
