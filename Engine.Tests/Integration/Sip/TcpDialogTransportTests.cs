using System.Globalization;
using RcmlEngine.Tests.Support;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace RcmlEngine.Tests.Integration.Sip;

/// <summary>
/// Dialogs set up over TCP with a peer whose Contact names no transport (SIPp's own scenarios, many
/// phones): the engine's in-dialog requests (ACK, BYE) must reach it over TCP, on the dialog's connection
/// while it is open, never over UDP where the peer does not listen. Both directions.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class TcpDialogTransportTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
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
    public async Task InboundCall_ContactWithoutTransport_TheEnginesByeArrivesOverTheCallsConnection(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Pause length=\"1\"/><Hangup/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("tcp", _app.Url("/voice")), cancellationToken);

        await using var caller = SippRunner.Call(engine.SipTcpPort, "tcp", "uac_wait_bye_plain_contact.xml", null, "-t", "t1");

        (await caller.WaitAsync(cancellationToken)).Should().Be(0, "the caller got the BYE over TCP: " + caller.Describe() + engine.Log);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task OutboundCall_OverTcp_ContactWithoutTransport_AckAndByeStayOnTcp(CancellationToken cancellationToken)
    {
        using var phone = new TestRtpPhone();
        await using var callee = SippRunner.StartUas("uas_bridge_party_plain_contact.xml", "-t", "t1", "-key", "rtp_port", phone.Port.ToString(CultureInfo.InvariantCulture));
        await using var engine = await TestEngine.StartAsync(new Dictionary<string, string?>
        {
            ["Accounts:0:AccountSid"] = AccountSid,
            ["Accounts:0:AuthToken"] = "token",
        }, cancellationToken);
        var client = TwilioTestClient.Create(engine.HttpBaseUrl, AccountSid, "token");

        await CallResource.CreateAsync(new CreateCallOptions(new PhoneNumber($"sip:desk@127.0.0.1:{callee.Port};transport=tcp"), new PhoneNumber("+15550001111"))
        {
            Twiml = new Twiml("<Response><Pause length=\"1\"/><Hangup/></Response>"),
        }, client);

        (await callee.WaitAsync(cancellationToken)).Should().Be(0, "the callee got the ACK and the BYE over TCP: " + callee.Describe() + engine.Log);
    }
}
