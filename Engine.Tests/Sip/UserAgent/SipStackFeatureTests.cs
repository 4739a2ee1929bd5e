using System.Net;
using System.Net.Sockets;
using System.Text;
using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Sip.UserAgent;

/// <summary>Redirects, inbound digest challenges, outbound proxies, unknown Require and IPv6 between engine stacks.</summary>
[TestFixture]
public sealed class SipStackFeatureTests
{
    private static readonly SipBody Sdp = SipBody.Sdp(Encoding.ASCII.GetBytes("v=0\r\n"));

    [Test]
    [CancelAfter(10000)]
    public async Task Dial_Redirected302_FollowsTheContact(CancellationToken cancellationToken)
    {
        await using var caller = SipTestStacks.Start();
        await using var redirector = SipTestStacks.Start();
        await using var target = SipTestStacks.Start();
        var targetUri = SipUri.Create("bob", "127.0.0.1", target.EndPoint(SipTransportKind.Udp).Port);
        redirector.IncomingCallHandler = (call, ct) => call.RejectAsync(302, null, [new(SipHeaderNames.Contact, new SipNameAddress(targetUri).ToString())], ct);
        target.IncomingCallHandler = async (call, ct) => await call.AcceptAsync(Sdp, null, ct);

        var call = caller.Dial(new SipDialOptions(SipUri.Create("alice", "127.0.0.1", redirector.EndPoint(SipTransportKind.Udp).Port)) { Body = Sdp }, cancellationToken);
        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(200);
        await call.HangUpAsync(cancellationToken);

        var noFollow = caller.Dial(new SipDialOptions(SipUri.Create("alice", "127.0.0.1", redirector.EndPoint(SipTransportKind.Udp).Port)) { Body = Sdp, FollowRedirects = false }, cancellationToken);
        (await noFollow.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(302);
    }

    [Test]
    [CancelAfter(10000)]
    public async Task InboundAuthentication_WithAndWithoutCredentials_OnlyTheRightOnesGetThrough(CancellationToken cancellationToken)
    {
        await using var caller = SipTestStacks.Start();
        await using var callee = SipTestStacks.Start(configure: o => o with
        {
            InboundAuthentication = new SipInboundAuthentication("rcml.test", user => user == "pbx" ? "hunter2" : null),
        });
        callee.IncomingCallHandler = async (call, ct) => await call.AcceptAsync(Sdp, null, ct);
        var uri = SipUri.Create("ivr", "127.0.0.1", callee.EndPoint(SipTransportKind.Udp).Port);

        var anonymous = caller.Dial(new SipDialOptions(uri) { Body = Sdp }, cancellationToken);
        (await anonymous.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(407, "INVITEs are challenged as a proxy does (RFC 3261 22.3)");

        var wrong = caller.Dial(new SipDialOptions(uri) { Body = Sdp, Credentials = new SipCredentials("pbx", "guess") }, cancellationToken);
        (await wrong.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(407);

        var right = caller.Dial(new SipDialOptions(uri) { Body = Sdp, Credentials = new SipCredentials("pbx", "hunter2") }, cancellationToken);
        (await right.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(200);
        await right.HangUpAsync(cancellationToken);
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Dial_WithOutboundProxy_SendsThereWithALooseRoute(CancellationToken cancellationToken)
    {
        await using var caller = SipTestStacks.Start();
        using var proxy = new UdpPeer();
        var proxyUri = SipUri.Create(null, "127.0.0.1", proxy.EndPoint.Port);
        var target = SipUri.Create("bob", "192.0.2.99", 5060);
        var call = caller.Dial(new SipDialOptions(target) { Body = Sdp, OutboundProxy = proxyUri }, cancellationToken);

        var invite = (SipRequest)await proxy.ExpectAsync();
        invite.Uri.Host.Should().Be("192.0.2.99", "the Request-URI stays the target");
        invite.TopRoute!.Uri.Port.Should().Be(proxy.EndPoint.Port);
        invite.TopRoute.Uri.Parameters.Contains("lr").Should().BeTrue();
        await proxy.SendAsync(SipResponse.For(invite, 404, toTag: "x"), proxy.LastSource!);
        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(404);
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Invite_RequiringAnUnknownExtension_Gets420WithUnsupported(CancellationToken cancellationToken)
    {
        await using var callee = SipTestStacks.Start();
        using var peer = new UdpPeer();
        var invite = new SipRequest(SipMethods.Invite, SipUri.Create("ivr", "127.0.0.1"));
        invite.Headers.Add(SipHeaderNames.Via, $"SIP/2.0/UDP 127.0.0.1:{peer.EndPoint.Port};branch=z9hG4bK-req1");
        invite.Headers.Add(SipHeaderNames.From, "<sip:a@127.0.0.1>;tag=1");
        invite.Headers.Add(SipHeaderNames.To, "<sip:ivr@127.0.0.1>");
        invite.Headers.Add(SipHeaderNames.CallId, "req-420");
        invite.Headers.Add(SipHeaderNames.CSeq, "1 INVITE");
        invite.Headers.Add(SipHeaderNames.Require, "100rel, precondition");
        await peer.SendAsync(invite, callee.EndPoint(SipTransportKind.Udp));
        var response = (SipResponse)await peer.ExpectAsync();
        response.StatusCode.Should().Be(420);
        response.Headers[SipHeaderNames.Unsupported].Should().Be("100rel, precondition");
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Dial_OverIPv6Loopback_Completes(CancellationToken cancellationToken)
    {
        if (!Socket.OSSupportsIPv6)
        {
            Assert.Ignore("no IPv6 on this machine");
        }

        SipStack Start() => SipTestStacks.Start(configure: o => o with
        {
            Transport = o.Transport with { Listen = [SipListenOptions.Udp("::1", 0), SipListenOptions.Tcp("::1", 0)] },
        });
        SipStack caller;
        SipStack callee;
        try
        {
            caller = Start();
            callee = Start();
        }
        catch (SocketException ex)
        {
            Assert.Ignore($"cannot bind ::1 here: {ex.SocketErrorCode}");
            return;
        }

        await using (caller)
        await using (callee)
        {
            callee.IncomingCallHandler = async (call, ct) => await call.AcceptAsync(Sdp, null, ct);
            var uri = SipUri.Create("ivr", IPAddress.IPv6Loopback.ToString(), callee.EndPoint(SipTransportKind.Udp).Port);
            uri.Host.Should().Be("[::1]");
            var call = caller.Dial(new SipDialOptions(uri) { Body = Sdp }, cancellationToken);
            (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(200);
            await call.HangUpAsync(cancellationToken);
        }
    }
}
