using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Hosting;
using RcmlEngine.Rtp;
using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Security;

/// <summary>
/// Issue 12, item 3, on the real engine host: who can reach an application (samples mode, the INVITE
/// challenge), and that a caller who never acknowledges the 200 holds nothing for long.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class InboundCallAdmissionTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task Invite_ForASampleWithTrunksConfigured_Gets404(CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Samples:Folder"] = RepoPaths.Samples,
            ["Trunks:0:Host"] = "127.0.0.1",
            ["Trunks:0:Port"] = "9",
        };
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);
        await using var caller = SipTestStacks.Start();

        var call = caller.Dial(new SipDialOptions(SipUri.Create("sales", "127.0.0.1", engine.SipPort)) { Body = Offer() }, cancellationToken);

        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(404,
            "with a trunk configured the samples (sales.xml dials out) must not answer anyone: " + engine.Log);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Invite_ForASampleWithoutTrunks_IsAnswered(CancellationToken cancellationToken)
    {
        await using var engine = await TestEngine.StartAsync(new Dictionary<string, string?> { ["Samples:Folder"] = RepoPaths.Samples }, cancellationToken);
        await using var caller = SipTestStacks.Start();

        var call = caller.Dial(new SipDialOptions(SipUri.Create("hello", "127.0.0.1", engine.SipPort)) { Body = Offer() }, cancellationToken);

        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(200, "samples mode still answers the samples: " + engine.Log);
        await call.HangUpAsync(cancellationToken);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Invite_WithInboundAuthentication_NeedsAClientsCredentials(CancellationToken cancellationToken)
    {
        await using var app = await TestWebApp.StartAsync(cancellationToken);
        app.MapXml("/voice", "<Response><Hangup/></Response>");
        var settings = TestEngine.App("ivr", app.Url("/voice"));
        settings["Sip:InboundAuthentication"] = "true";
        settings["Clients:0:Name"] = "alice";
        settings["Clients:0:Password"] = "alice-secret";
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);
        await using var caller = SipTestStacks.Start();
        var target = SipUri.Create("ivr", "127.0.0.1", engine.SipPort);

        var anonymous = caller.Dial(new SipDialOptions(target) { Body = Offer() }, cancellationToken);
        (await anonymous.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(407);
        var wrong = caller.Dial(new SipDialOptions(target) { Body = Offer(), Credentials = new SipCredentials("alice", "guess") }, cancellationToken);
        (await wrong.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(407);
        app.RequestsTo("/voice").Should().BeEmpty("no unauthenticated INVITE reaches the application");

        var right = caller.Dial(new SipDialOptions(target) { Body = Offer(), Credentials = new SipCredentials("alice", "alice-secret") }, cancellationToken);
        (await right.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(200, engine.Log);
        await right.HangUpAsync(cancellationToken);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Invite_200NeverAcked_EngineSendsByeAndFreesTheMediaSession(CancellationToken cancellationToken)
    {
        await using var app = await TestWebApp.StartAsync(cancellationToken);
        app.MapXml("/voice", "<Response><Pause length=\"55\"/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("ivr", app.Url("/voice")), cancellationToken);
        var ports = engine.Services.GetRequiredService<RtpPortAllocator>();
        using var peer = new UdpPeer();
        var target = new IPEndPoint(IPAddress.Loopback, engine.SipPort);
        var started = TimeProvider.System.GetTimestamp();

        await peer.SendAsync(NeverAckedInvite(peer), target);
        SipRequest? bye = null;
        var oks = 0;
        while (bye is null)
        {
            switch (await peer.ExpectAsync(TimeSpan.FromSeconds(40)))
            {
                case SipResponse { StatusCode: 200 }:
                    oks++;
                    ports.InUse.Should().BeGreaterThan(0, "the answered call holds a media session");
                    break;
                case SipRequest { Method: SipMethods.Bye } request:
                    bye = request;
                    break;
            }
        }

        await peer.SendAsync(SipResponse.For(bye, 200), peer.LastSource!);
        var waited = TimeProvider.System.GetElapsedTime(started);
        oks.Should().BeGreaterThan(3, "the 200 is retransmitted while no ACK comes (RFC 3261 13.3.1.4)");
        waited.Should().BeLessThan(TimeSpan.FromSeconds(40), "64*T1 = 32 s, not the 55 s Pause");
        await WaitUntilAsync(() => ports.InUse == 0 && engine.Services.GetRequiredService<SipCallRunner>().ActiveCalls == 0, cancellationToken);
        engine.Services.GetRequiredService<SipStack>().ActiveCalls.Should().Be(0);
    }

    private static SipBody Offer(int port = 40000) => SipBody.Sdp(Encoding.ASCII.GetBytes(SdpText(port)));

    private static string SdpText(int port) =>
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        $"m=audio {port.ToString(CultureInfo.InvariantCulture)} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    private static SipRequest NeverAckedInvite(UdpPeer peer)
    {
        var port = peer.EndPoint.Port;
        var invite = new SipRequest(SipMethods.Invite, SipUri.Create("ivr", "127.0.0.1"));
        invite.Headers.Add(SipHeaderNames.Via, $"SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK-noack;rport");
        invite.Headers.Add(SipHeaderNames.From, "<sip:caller@127.0.0.1>;tag=noack");
        invite.Headers.Add(SipHeaderNames.To, "<sip:ivr@127.0.0.1>");
        invite.Headers.Add(SipHeaderNames.CallId, "never-acks-" + Guid.NewGuid().ToString("N"));
        invite.Headers.Add(SipHeaderNames.CSeq, "1 INVITE");
        invite.Headers.Add(SipHeaderNames.Contact, $"<sip:caller@127.0.0.1:{port}>");
        invite.Headers.Add(SipHeaderNames.MaxForwards, "70");
        invite.Headers.Set(SipHeaderNames.ContentType, "application/sdp");
        invite.Body = Encoding.ASCII.GetBytes(SdpText(port + 2));
        return invite;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(50, cancellationToken);
        }
    }
}
