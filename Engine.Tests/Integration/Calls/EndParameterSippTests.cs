using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Records;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// <c>&lt;Hangup&gt;</c> and <c>&lt;Reject&gt;</c> parameters on the real path: SIPp calls the engine host and its
/// scenario fails unless the BYE (Hangup) or the 486/603 (Reject) carries <c>X-reason</c> with the value
/// the document gave; and a <c>&lt;Dial&gt;&lt;Sip&gt;</c> without its scheme reaches a SIPp UAS.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class EndParameterSippTests
{
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
    public async Task HangupWithParameter_SippCalls_ByeCarriesXHeader(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Pause length=\"1\"/><Hangup><Parameter name=\"reason\" value=\"done\"/></Hangup></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("bye", _app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "bye", "uac_bye_reason.xml");

        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, "the BYE carried X-reason: done: " + sipp.Describe() + engine.Log);
        sipp.ReceivedRequests("BYE").Should().Be(1);
    }

    [TestCase("busy", "uac_busy_reason.xml", nameof(CallStatus.Busy))]
    [TestCase("rejected", "uac_decline_reason.xml", nameof(CallStatus.NoAnswer))]
    [CancelAfter(60_000)]
    public async Task RejectWithParameter_SippCalls_RejectionCarriesXHeader(string reason, string scenario, string status, CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", $"<Response><Reject reason=\"{reason}\"><Parameter name=\"reason\" value=\"closed\"/></Reject></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("closed", _app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "closed", scenario);

        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, "the rejection carried X-reason: closed: " + sipp.Describe() + engine.Log);
        await engine.StopAsync();
        var voice = _app.RequestsTo("/voice").Should().ContainSingle().Subject;
        var record = await engine.Services.GetRequiredService<ICallRecordStore>().FindAsync(voice["AccountSid"]!, voice["CallSid"]!, cancellationToken);
        record!.Status.Should().Be(Enum.Parse<CallStatus>(status));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task DialSipWithoutScheme_SippUas_GetsTheInvite(CancellationToken cancellationToken)
    {
        await using var callee = SippRunner.StartUas("uas_busy.xml");
        _app.MapXml("/voice", $"<Response><Dial action=\"/done\"><Sip>service@127.0.0.1:{callee.Port}</Sip></Dial></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_wait_bye.xml");

        var done = await _app.WaitForRequestAsync("/done", cancellationToken);
        done["DialCallStatus"].Should().Be("busy", engine.Log);
        done["DialSipResponseCode"].Should().Be("486", "the INVITE to sip:service@127.0.0.1 reached SIPp, which answered busy");
        (await callee.WaitAsync(cancellationToken)).Should().Be(0, callee.Describe());
    }
}
