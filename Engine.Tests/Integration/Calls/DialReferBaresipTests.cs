using System.Globalization;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// Inbound REFER from a real softphone: baresip calls in, is bridged by <c>&lt;Dial referUrl&gt;</c> to a SIPp
/// callee, and transfers with its <c>transfer</c> command (menu module, over ctrl_tcp); the callee's RTP socket
/// then hears the target's tone and the target hears the callee's.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class DialReferBaresipTests
{
    private const double BaresipTone = 440;
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
    public async Task DialReferUrl_BaresipCallerTransfers_CalleeBridgedWithTarget_BaresipReleased(CancellationToken cancellationToken)
    {
        using var calleePhone = new TestRtpPhone();
        using var targetPhone = new TestRtpPhone();
        await using var target = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", targetPhone.Port.ToString(CultureInfo.InvariantCulture));
        await using var callee = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", calleePhone.Port.ToString(CultureInfo.InvariantCulture));
        var referTo = $"sip:transfer@127.0.0.1:{target.Port.ToString(CultureInfo.InvariantCulture)}";
        _app.MapXml("/voice", $"<Response><Dial referUrl=\"/refer\" action=\"/done\"><Sip>sip:service@127.0.0.1:{callee.Port}</Sip></Dial></Response>");
        _app.MapXml("/refer", $"<Response><Dial timeLimit=\"4\"><Sip>{referTo}</Sip></Dial></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);
        using var talking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tones = Task.WhenAll(TalkAsync(calleePhone, CalleeTone, talking.Token), TalkAsync(targetPhone, TargetTone, talking.Token));
        await using var phone = await BaresipRunner.StartAsync(new BaresipOptions { User = "carol", AudioCodecs = ["pcmu"], AudioSource = $"ausine,{BaresipTone}" }, cancellationToken);
        string Describe() => phone.Describe() + callee.Describe() + target.Describe() + engine.Log;

        await phone.DialAsync($"sip:dial@127.0.0.1:{engine.SipPort}", cancellationToken);
        await phone.WaitForEventAsync("CALL_ESTABLISHED", cancellationToken);
        await WithinAsync("baresip heard by the callee", token => calleePhone.WaitForAsync(p => TestRtpPhone.CarriesTone(p, BaresipTone), token), Describe, cancellationToken);
        await phone.CommandAsync("transfer", referTo, cancellationToken);

        await WithinAsync("the callee bridged with the target", token => Task.WhenAll(
            calleePhone.WaitForAsync(p => TestRtpPhone.CarriesTone(p, TargetTone), token),
            targetPhone.WaitForAsync(p => TestRtpPhone.CarriesTone(p, CalleeTone), token)), Describe, cancellationToken);
        (await _app.WaitForRequestAsync("/refer", cancellationToken))["ReferTransferTarget"].Should().Contain($"{referTo}", Describe());
        await WithinAsync("baresip released", token => phone.WaitForEventAsync("CALL_CLOSED", token), Describe, cancellationToken);
        (await _app.WaitForRequestAsync("/done", cancellationToken))["DialCallStatus"].Should().Be("completed");
        (await target.WaitAsync(cancellationToken)).Should().Be(0, Describe());
        await talking.CancelAsync();
        await tones;
    }

    private static async Task TalkAsync(TestRtpPhone phone, double tone, CancellationToken cancellationToken)
    {
        try
        {
            await phone.WaitForEngineAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await phone.SendToneUntilCancelledAsync(tone, cancellationToken);
    }

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
