using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// Gather on the real path: SIPp presses keys by playing its RFC 2833 pcaps (a raw socket: root only)
/// while the engine speaks the prompt; the action request carries what the engine recognized.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class GatherTests
{
    private TestWebApp _app = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("sipp");
        PeerPrograms.Require("espeak-ng");
        RawSockets.Require();

        _app = await TestWebApp.StartAsync();
        _app.MapXml("/gathered", "<Response><Hangup/></Response>").MapXml("/after", "<Response><Hangup/></Response>");
    }

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [Test]
    [CancelAfter(60_000)]
    public async Task NumDigits3_Rfc2833Digits_ActionCarriesDigits123(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", """
            <Response>
              <Gather numDigits="3" timeout="10" action="/gathered">
                <Say>Please enter your three digit code now, then wait a moment for the next step.</Say>
              </Gather>
              <Redirect>/after</Redirect>
            </Response>
            """);
        await using var engine = await TestEngine.StartAsync(TestEngine.App("gather", _app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "gather", "uac_dtmf_123.xml");
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);

        var action = _app.RequestsTo("/gathered").Should().ContainSingle(engine.Log).Subject;
        action.Method.Should().Be("POST");
        action["Digits"].Should().Be("123");
        _app.RequestsTo("/after").Should().BeEmpty();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task FinishOnKey_DigitsThenPound_ActionCarriesTheDigitsBeforeIt(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", """<Response><Gather finishOnKey="#" timeout="10" action="/gathered"><Say>Enter digits, then pound.</Say></Gather></Response>""");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("pound", _app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "pound", "uac_dtmf_12_pound.xml");
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);

        var action = _app.RequestsTo("/gathered").Should().ContainSingle(engine.Log).Subject;
        action["Digits"].Should().Be("12");
        action["FinishedOnKey"].Should().Be("#");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Timeout_NoKeys_TheNextVerbRuns(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", """<Response><Gather timeout="1" action="/gathered"><Say>Nothing to press.</Say></Gather><Redirect>/after</Redirect></Response>""");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("silent", _app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "silent", "uac_wait_bye.xml");
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);

        _app.RequestsTo("/gathered").Should().BeEmpty("no key was pressed");
        _app.RequestsTo("/after").Should().ContainSingle("the verb after the Gather ran");
    }
}
