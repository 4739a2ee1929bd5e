using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;

namespace RcmlEngine.Tests.Sip.Transactions;

/// <summary>RFC 3261 17.2 server transactions: absorption, timers G, H, I, J, and CANCEL matching.</summary>
[TestFixture]
public sealed class SipServerTransactionTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    [Test]
    [CancelAfter(20000)]
    public async Task Invite_Retransmitted_IsAbsorbedAndGetsTheLastProvisionalAgain(CancellationToken cancellationToken)
    {
        await using var h = new TransactionHarness();
        h.OnNewRequest = tx => tx.SendResponse(SipResponse.For(tx.Request, 180, toTag: "t1"));
        var invite = h.PeerRequest(SipMethods.Invite);
        await h.Peer.SendAsync(invite, h.LocalUdp);
        ((SipResponse)await h.Peer.ExpectAsync()).StatusCode.Should().Be(180);
        await h.Peer.SendAsync(invite, h.LocalUdp);
        ((SipResponse)await h.Peer.ExpectAsync()).StatusCode.Should().Be(180);
        h.Requests.Should().HaveCount(1, "a retransmission is not a new request");
    }

    [Test]
    [CancelAfter(20000)]
    public async Task Invite_Rejected_TimerGRetransmitsUntilAckThenStops(CancellationToken cancellationToken)
    {
        await using var h = new TransactionHarness();
        h.OnNewRequest = tx => tx.SendResponse(SipResponse.For(tx.Request, 486, toTag: "t2"));
        var invite = h.PeerRequest(SipMethods.Invite);
        await h.Peer.SendAsync(invite, h.LocalUdp);
        var busy = (SipResponse)await h.Peer.ExpectAsync();
        busy.StatusCode.Should().Be(486);

        h.Advance(TimeSpan.FromMilliseconds(500));
        ((SipResponse)await h.Peer.ExpectAsync()).StatusCode.Should().Be(486, "timer G fires at T1");
        h.Advance(TimeSpan.FromMilliseconds(1000));
        ((SipResponse)await h.Peer.ExpectAsync()).StatusCode.Should().Be(486, "then at 2*T1");

        var ack = new SipRequest(SipMethods.Ack, invite.Uri);
        ack.Headers.Add(SipHeaderNames.Via, invite.Headers[SipHeaderNames.Via]!);
        ack.Headers.Add(SipHeaderNames.From, invite.Headers[SipHeaderNames.From]!);
        ack.Headers.Add(SipHeaderNames.To, busy.Headers[SipHeaderNames.To]!);
        ack.Headers.Add(SipHeaderNames.CallId, invite.CallId!);
        ack.Headers.Add(SipHeaderNames.CSeq, $"{invite.CSeq!.Value.Number} ACK");
        await h.Peer.SendAsync(ack, h.LocalUdp);
        await TransactionHarness.WaitUntilAsync(() => h.Requests.Single().State == SipTransactionState.Confirmed);
        h.Advance(TimeSpan.FromSeconds(4));
        (await h.Peer.ReceiveAsync(Quiet)).Should().BeNull("the ACK stops timer G");
        h.Acks.Should().BeEmpty("the ACK for a non-2xx stays inside the transaction");
        h.Advance(TimeSpan.FromSeconds(6));
        await TransactionHarness.WaitUntilAsync(() => h.Layer.ServerCount == 0);
    }

    [Test]
    [CancelAfter(20000)]
    public async Task Invite_RejectedAndNeverAcked_TimerHEndsTheTransaction(CancellationToken cancellationToken)
    {
        await using var h = new TransactionHarness();
        var timedOut = new TaskCompletionSource();
        h.OnNewRequest = tx =>
        {
            ((SipInviteServerTransaction)tx).AckTimedOut = () => timedOut.TrySetResult();
            tx.SendResponse(SipResponse.For(tx.Request, 603, toTag: "t3"));
        };
        await h.Peer.SendAsync(h.PeerRequest(SipMethods.Invite), h.LocalUdp);
        await h.Peer.ExpectAsync();
        h.Advance(TimeSpan.FromSeconds(33));
        await timedOut.Task.WaitAsync(cancellationToken);
        h.Layer.ServerCount.Should().Be(0);
    }

    [Test]
    [CancelAfter(20000)]
    public async Task NonInvite_RetransmittedAfterFinal_GetsTheFinalAgainUntilTimerJ(CancellationToken cancellationToken)
    {
        await using var h = new TransactionHarness();
        h.OnNewRequest = tx => tx.SendResponse(SipResponse.For(tx.Request, 200, toTag: "t4"));
        var options = h.PeerRequest(SipMethods.Options);
        await h.Peer.SendAsync(options, h.LocalUdp);
        ((SipResponse)await h.Peer.ExpectAsync()).StatusCode.Should().Be(200);
        await h.Peer.SendAsync(options, h.LocalUdp);
        ((SipResponse)await h.Peer.ExpectAsync()).StatusCode.Should().Be(200);
        h.Requests.Should().HaveCount(1);
        h.Advance(TimeSpan.FromSeconds(33));
        await TransactionHarness.WaitUntilAsync(() => h.Layer.ServerCount == 0);
    }

    [Test]
    [CancelAfter(20000)]
    public async Task Request_WithoutMagicCookie_MatchedTheRfc2543Way(CancellationToken cancellationToken)
    {
        await using var h = new TransactionHarness();
        h.OnNewRequest = tx => tx.SendResponse(SipResponse.For(tx.Request, 200, toTag: "t5"));
        var options = h.PeerRequest(SipMethods.Options, branch: "z9hG4bK");
        await h.Peer.SendAsync(options, h.LocalUdp);
        await h.Peer.ExpectAsync();
        await h.Peer.SendAsync(options, h.LocalUdp);
        await h.Peer.ExpectAsync();
        h.Requests.Should().HaveCount(1, "RFC 4475 3.2.1: a bare magic cookie is an RFC 2543 branch, still matched");
    }
}
