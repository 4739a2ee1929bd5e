using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Sip.UserAgent;

/// <summary>Who may start something with the stack: allowed sources, per-source INVITE rate, trusted sources skipping the challenge.</summary>
[TestFixture]
public sealed class SipStackAdmissionTests
{
    private static readonly SipBody Sdp = SipBody.Sdp(Encoding.ASCII.GetBytes("v=0\r\n"));
    private static readonly IPAddress OtherSource = IPAddress.Parse("127.0.0.2");

    [Test]
    [CancelAfter(10000)]
    public async Task Invite_FromSourceOutsideAllowedSources_Gets403AndNoCall(CancellationToken cancellationToken)
    {
        await using var stack = SipTestStacks.Start(configure: o => o with { AllowedSources = [IPNetwork.Parse("127.0.0.1/32")] });
        var calls = 0;
        stack.IncomingCallHandler = async (call, ct) =>
        {
            Interlocked.Increment(ref calls);
            await call.AcceptAsync(Sdp, null, ct);
        };

        using var stranger = new UdpPeer(OtherSource);
        await stranger.SendAsync(Invite(stranger, "stranger-1"), stack.EndPoint(SipTransportKind.Udp));
        ((SipResponse)await stranger.ExpectAsync()).StatusCode.Should().Be(403, "127.0.0.2 is not an allowed source");

        using var friend = new UdpPeer();
        await friend.SendAsync(Invite(friend, "friend-1"), stack.EndPoint(SipTransportKind.Udp));
        ((SipResponse)await friend.ExpectAsync()).StatusCode.Should().Be(100);
        ((SipResponse)await friend.ExpectAsync()).StatusCode.Should().Be(200, "127.0.0.1 is allowed");
        calls.Should().Be(1, "only the allowed source's INVITE reached the call handler");
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Invite_BeyondPerSourceRate_Gets503WithRetryAfterUntilTheNextSecond(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        await using var stack = SipTestStacks.Start(time, o => o with { MaxInvitesPerSourcePerSecond = 2 });
        stack.IncomingCallHandler = (call, ct) => call.RejectAsync(486, null, null, ct);
        using var peer = new UdpPeer();
        var target = stack.EndPoint(SipTransportKind.Udp);

        for (var i = 0; i < 2; i++)
        {
            await peer.SendAsync(Invite(peer, $"rate-{i}"), target);
            ((SipResponse)await peer.ExpectAsync()).StatusCode.Should().Be(100);
            ((SipResponse)await peer.ExpectAsync()).StatusCode.Should().Be(486);
        }

        await peer.SendAsync(Invite(peer, "rate-2"), target);
        var refused = (SipResponse)await peer.ExpectAsync();
        refused.StatusCode.Should().Be(503, "a third INVITE in the same second is over the limit");
        refused.Headers[SipHeaderNames.RetryAfter].Should().Be("1");

        time.Advance(TimeSpan.FromSeconds(1));
        await peer.SendAsync(Invite(peer, "rate-3"), target);
        SipResponse next;
        do
        {
            // The unacknowledged 486s are retransmitted as the fake clock moves (Timer G): skip them.
            next = (SipResponse)await peer.ExpectAsync();
        }
        while (next.CallId != "rate-3");

        next.StatusCode.Should().Be(100, "a new second, a new allowance");
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Invite_FromTrustedSource_IsNotChallengedWhileOthersAre(CancellationToken cancellationToken)
    {
        await using var stack = SipTestStacks.Start(configure: o => o with
        {
            InboundAuthentication = new SipInboundAuthentication("rcml.test", user => user == "pbx" ? "hunter2" : null)
            {
                TrustedSources = [IPNetwork.Parse("127.0.0.2/32")],
            },
        });
        stack.IncomingCallHandler = (call, ct) => call.RejectAsync(486, null, null, ct);
        var target = stack.EndPoint(SipTransportKind.Udp);

        using var carrier = new UdpPeer(OtherSource);
        await carrier.SendAsync(Invite(carrier, "trusted-1"), target);
        ((SipResponse)await carrier.ExpectAsync()).StatusCode.Should().Be(100);
        ((SipResponse)await carrier.ExpectAsync()).StatusCode.Should().Be(486, "the trusted source reaches the call handler unchallenged");

        using var anyone = new UdpPeer();
        await anyone.SendAsync(Invite(anyone, "untrusted-1"), target);
        ((SipResponse)await anyone.ExpectAsync()).StatusCode.Should().Be(100);
        var challenge = (SipResponse)await anyone.ExpectAsync();
        challenge.StatusCode.Should().Be(407);
        DigestChallenge.TryParse(challenge.Headers[SipHeaderNames.ProxyAuthenticate]!, out _).Should().BeTrue();
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Invite_WrongCredentialsPastTheLimit_403EvenForTheRightOnes(CancellationToken cancellationToken)
    {
        await using var caller = SipTestStacks.Start();
        await using var callee = SipTestStacks.Start(configure: o => o with
        {
            InboundAuthentication = new SipInboundAuthentication("rcml.test", user => user == "pbx" ? "hunter2" : null) { MaxFailuresPerSourcePerMinute = 1 },
        });
        callee.IncomingCallHandler = (call, ct) => call.RejectAsync(486, null, null, ct);
        var uri = SipUri.Create("ivr", "127.0.0.1", callee.EndPoint(SipTransportKind.Udp).Port);

        var guess = caller.Dial(new SipDialOptions(uri) { Body = Sdp, Credentials = new SipCredentials("pbx", "guess") }, cancellationToken);
        (await guess.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().BeOneOf(407, 403);
        var right = caller.Dial(new SipDialOptions(uri) { Body = Sdp, Credentials = new SipCredentials("pbx", "hunter2") }, cancellationToken);

        (await right.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(403, "guessing is held back for the rest of the minute");
    }

    private static SipRequest Invite(UdpPeer peer, string callId)
    {
        var host = peer.EndPoint.Address.ToString();
        var invite = new SipRequest(SipMethods.Invite, SipUri.Create("ivr", "127.0.0.1"));
        invite.Headers.Add(SipHeaderNames.Via, $"SIP/2.0/UDP {host}:{peer.EndPoint.Port};branch=z9hG4bK-{callId};rport");
        invite.Headers.Add(SipHeaderNames.From, $"<sip:a@{host}>;tag=t-{callId}");
        invite.Headers.Add(SipHeaderNames.To, "<sip:ivr@127.0.0.1>");
        invite.Headers.Add(SipHeaderNames.CallId, callId);
        invite.Headers.Add(SipHeaderNames.CSeq, "1 INVITE");
        invite.Headers.Add(SipHeaderNames.Contact, $"<sip:a@{host}:{peer.EndPoint.Port}>");
        invite.Headers.Add(SipHeaderNames.MaxForwards, "70");
        invite.Headers.Set(SipHeaderNames.ContentType, "application/sdp");
        invite.Body = Encoding.ASCII.GetBytes("v=0\r\n");
        return invite;
    }
}
