using System.Net;
using System.Text;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Security;

/// <summary>Issue 12, item 10, on the real engine host: a scanner's unroutable INVITEs write a few log lines, not one each.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class UnroutableInviteLoggingTests
{
    private const int Invites = 300;

    [Test]
    [CancelAfter(60_000)]
    public async Task Invites_ManyUnroutableFromOneSource_AtMost20LinesThenASuppressionNotice(CancellationToken cancellationToken)
    {
        var settings = TestEngine.App("ivr", new Uri("http://127.0.0.1:9/voice"));
        settings["Sip:MaxInvitesPerSourcePerSecond"] = "0";
        settings["Limits:MaxCallsPerSecond"] = "0";
        settings["Limits:MaxConcurrentCalls"] = "0";
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);
        using var scanner = new UdpPeer(IPAddress.Parse("127.0.0.2"));
        var target = new IPEndPoint(IPAddress.Loopback, engine.SipPort);

        for (var i = 0; i < Invites; i++)
        {
            await scanner.SendAsync(Invite(scanner, i), target);
        }

        var answered = new HashSet<string>(StringComparer.Ordinal);
        while (answered.Count < Invites)
        {
            if (await scanner.ExpectAsync(TimeSpan.FromSeconds(20)) is SipResponse { StatusCode: 404 } response)
            {
                answered.Add(response.CallId!);
            }
        }

        var lines = engine.Log.Split('\n');
        lines.Count(l => l.Contains("no application takes", StringComparison.Ordinal)).Should().BeInRange(1, 20, engine.Log);
        lines.Should().Contain(l => l.Contains("suppressed", StringComparison.Ordinal) && l.Contains("127.0.0.2", StringComparison.Ordinal));
    }

    private static SipRequest Invite(UdpPeer peer, int n)
    {
        var host = peer.EndPoint.Address.ToString();
        var port = peer.EndPoint.Port;
        var invite = new SipRequest(SipMethods.Invite, SipUri.Create("nobody" + n, "127.0.0.1"));
        invite.Headers.Add(SipHeaderNames.Via, $"SIP/2.0/UDP {host}:{port};branch=z9hG4bK-scan{n}");
        invite.Headers.Add(SipHeaderNames.From, $"<sip:scanner@{host}>;tag=s{n}");
        invite.Headers.Add(SipHeaderNames.To, $"<sip:nobody{n}@127.0.0.1>");
        invite.Headers.Add(SipHeaderNames.CallId, $"scan-{n}");
        invite.Headers.Add(SipHeaderNames.CSeq, "1 INVITE");
        invite.Headers.Add(SipHeaderNames.Contact, $"<sip:scanner@{host}:{port}>");
        invite.Headers.Add(SipHeaderNames.MaxForwards, "70");
        invite.Headers.Set(SipHeaderNames.ContentType, "application/sdp");
        invite.Body = Encoding.ASCII.GetBytes("v=0\r\n");
        return invite;
    }
}
