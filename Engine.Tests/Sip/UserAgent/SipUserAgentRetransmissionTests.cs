using System.Text;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Sip.UserAgent;

/// <summary>The user agent's own retransmission duties (RFC 3261 13.2.2.4, 13.3.1.4), seen from a raw peer.</summary>
[TestFixture]
public sealed class SipUserAgentRetransmissionTests
{
    private static readonly SipBody Sdp = SipBody.Sdp(Encoding.ASCII.GetBytes("v=0\r\n"));

    [Test]
    [CancelAfter(15000)]
    public async Task Uas_200NeverAcked_RetransmittedThenByeAfter64T1(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        await using var stack = SipTestStacks.Start(time, o => o with { Timers = new() });
        var ended = new TaskCompletionSource<SipCallEndReason>();
        stack.IncomingCallHandler = async (call, ct) =>
        {
            call.Ended += (_, e) => ended.TrySetResult(e.Reason);
            await call.AcceptAsync(Sdp, null, ct);
        };

        using var peer = new UdpPeer();
        var invite = PeerInvite(peer);
        await peer.SendAsync(invite, stack.EndPoint(SipTransportKind.Udp));
        ((SipResponse)await peer.ExpectAsync()).StatusCode.Should().Be(100);
        ((SipResponse)await peer.ExpectAsync()).StatusCode.Should().Be(200);

        // T1 = 500 ms, doubling to T2 = 4 s: 200 again at 0.5, 1.5, 3.5 s...
        var repeats = 0;
        for (var step = 0; step < 8; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            if (await peer.ReceiveAsync(TimeSpan.FromMilliseconds(50)) is SipResponse { StatusCode: 200 })
            {
                repeats++;
            }
        }

        repeats.Should().Be(3, "the 200 is retransmitted at 0.5, 1.5 and 3.5 s while no ACK comes");

        SipRequest? bye = null;
        for (var step = 0; step < 80 && bye is null; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            bye = await peer.ReceiveAsync(TimeSpan.FromMilliseconds(20)) as SipRequest;
        }

        bye.Should().NotBeNull("no ACK within 64*T1 ends the call with BYE");
        bye!.Method.Should().Be(SipMethods.Bye);
        (await ended.Task.WaitAsync(cancellationToken)).Should().Be(SipCallEndReason.AckTimeout);
    }

    [Test]
    [CancelAfter(15000)]
    public async Task Uac_Every2xxRetransmission_GetsTheAckAgain(CancellationToken cancellationToken)
    {
        await using var stack = SipTestStacks.Start();
        using var peer = new UdpPeer();
        var call = stack.Dial(new SipDialOptions(SipUri.Create("bob", "127.0.0.1", peer.EndPoint.Port)) { Body = Sdp }, cancellationToken);
        var invite = (SipRequest)await peer.ExpectAsync();
        var ok = SipResponse.For(invite, 200, toTag: "uas1");
        ok.Headers.Add(SipHeaderNames.Contact, $"<sip:bob@127.0.0.1:{peer.EndPoint.Port}>");
        await peer.SendAsync(ok, peer.LastSource!);
        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(200);
        var ack = (SipRequest)await peer.ExpectAsync();
        ack.Method.Should().Be(SipMethods.Ack);
        ack.CSeq!.Value.Number.Should().Be(invite.CSeq!.Value.Number);
        ack.TopVia!.Branch.Should().NotBe(invite.TopVia!.Branch, "the ACK for a 2xx is a transaction of its own");

        for (var i = 0; i < 3; i++)
        {
            await peer.SendAsync(ok, peer.LastSource!);
            var again = (SipRequest)await peer.ExpectAsync();
            again.Method.Should().Be(SipMethods.Ack);
            again.TopVia!.Branch.Should().Be(ack.TopVia.Branch, "the same ACK is sent again");
        }
    }

    private static SipRequest PeerInvite(UdpPeer peer)
    {
        var invite = new SipRequest(SipMethods.Invite, SipUri.Create("ivr", "127.0.0.1"));
        invite.Headers.Add(SipHeaderNames.Via, $"SIP/2.0/UDP 127.0.0.1:{peer.EndPoint.Port};branch=z9hG4bK-uas1;rport");
        invite.Headers.Add(SipHeaderNames.From, "<sip:a@127.0.0.1>;tag=caller1");
        invite.Headers.Add(SipHeaderNames.To, "<sip:ivr@127.0.0.1>");
        invite.Headers.Add(SipHeaderNames.CallId, "uas-retransmit-1");
        invite.Headers.Add(SipHeaderNames.CSeq, "1 INVITE");
        invite.Headers.Add(SipHeaderNames.Contact, $"<sip:a@127.0.0.1:{peer.EndPoint.Port}>");
        invite.Headers.Add(SipHeaderNames.MaxForwards, "70");
        invite.Headers.Set(SipHeaderNames.ContentType, "application/sdp");
        invite.Body = Encoding.ASCII.GetBytes("v=0\r\n");
        return invite;
    }
}
