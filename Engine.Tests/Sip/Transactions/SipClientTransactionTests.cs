using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;

namespace RcmlEngine.Tests.Sip.Transactions;

/// <summary>RFC 3261 17.1 client transactions, timers driven by a fake clock over a real UDP socket.</summary>
[TestFixture]
public sealed class SipClientTransactionTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    [Test]
    [CancelAfter(20000)]
    public async Task Invite_NoResponse_TimerARetransmitsDoublingThenTimerBGives408(CancellationToken cancellationToken)
    {
        await using var h = new TransactionHarness();
        var tx = h.Layer.StartClient(TransactionHarness.NewRequest(SipMethods.Invite), h.PeerDestination, cancellationToken: cancellationToken);
        var first = (SipRequest)await h.Peer.ExpectAsync();
        first.TopVia!.Branch.Should().StartWith(SipVia.MagicCookie);
        first.TopVia.HasRPort.Should().BeTrue("RFC 3581: requests ask for rport");

        // RFC 3261 17.1.1.2: retransmissions at T1, 2T1, 4T1... i.e. 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s.
        var sends = new List<double>();
        for (var elapsed = 0.0; elapsed < 32.0; elapsed += 0.5)
        {
            h.Advance(TimeSpan.FromMilliseconds(500));
            if (await h.Peer.ReceiveAsync(TimeSpan.FromMilliseconds(40)) is not null)
            {
                sends.Add(elapsed + 0.5);
            }
        }

        sends.Should().Equal(0.5, 1.5, 3.5, 7.5, 15.5, 31.5);
        var final = await tx.Final.WaitAsync(cancellationToken);
        final.StatusCode.Should().Be(408, "timer B (64*T1) ends the transaction");
        h.Layer.ClientCount.Should().Be(0);
    }

    [Test]
    [CancelAfter(20000)]
    public async Task Invite_ProvisionalThenBusy_StopsRetransmittingAndAcksEachFinal(CancellationToken cancellationToken)
    {
        await using var h = new TransactionHarness();
        var tx = (SipInviteClientTransaction)h.Layer.StartClient(TransactionHarness.NewRequest(SipMethods.Invite), h.PeerDestination, cancellationToken: cancellationToken);
        var provisional = new TaskCompletionSource<int>();
        tx.ProvisionalReceived = r => provisional.TrySetResult(r.StatusCode);
        var invite = (SipRequest)await h.Peer.ExpectAsync();
        await h.Peer.SendAsync(SipResponse.For(invite, 180, toTag: "b1"), h.LocalUdp);
        (await provisional.Task.WaitAsync(cancellationToken)).Should().Be(180);

        h.Advance(TimeSpan.FromSeconds(10));
        (await h.Peer.ReceiveAsync(Quiet)).Should().BeNull("a provisional response stops timer A");

        var busy = SipResponse.For(invite, 486, toTag: "b1");
        await h.Peer.SendAsync(busy, h.LocalUdp);
        (await tx.Final.WaitAsync(cancellationToken)).StatusCode.Should().Be(486);
        var ack = (SipRequest)await h.Peer.ExpectAsync();
        ack.Method.Should().Be(SipMethods.Ack);
        ack.TopVia!.Branch.Should().Be(invite.TopVia!.Branch, "the ACK for a non-2xx is part of the INVITE transaction");
        ack.CSeq.Should().Be(new SipCSeq(invite.CSeq!.Value.Number, SipMethods.Ack));
        ack.To!.Tag.Should().Be("b1");

        await h.Peer.SendAsync(busy, h.LocalUdp);
        ((SipRequest)await h.Peer.ExpectAsync()).Method.Should().Be(SipMethods.Ack, "a retransmitted final response is ACKed again");

        h.Advance(TimeSpan.FromSeconds(33));
        await TransactionHarness.WaitUntilAsync(() => h.Layer.ClientCount == 0);
    }

    [Test]
    [CancelAfter(20000)]
    public async Task Invite_Success_AcceptedStatePassesRetransmitted2xxToTheUser(CancellationToken cancellationToken)
    {
        await using var h = new TransactionHarness();
        var tx = (SipInviteClientTransaction)h.Layer.StartClient(TransactionHarness.NewRequest(SipMethods.Invite), h.PeerDestination, cancellationToken: cancellationToken);
        var repeats = 0;
        tx.AdditionalSuccess = _ => Interlocked.Increment(ref repeats);
        var invite = (SipRequest)await h.Peer.ExpectAsync();
        var ok = SipResponse.For(invite, 200, toTag: "b2");
        await h.Peer.SendAsync(ok, h.LocalUdp);
        (await tx.Final.WaitAsync(cancellationToken)).StatusCode.Should().Be(200);
        tx.State.Should().Be(SipTransactionState.Accepted, "RFC 6026");
        await h.Peer.SendAsync(ok, h.LocalUdp);
        await h.Peer.SendAsync(ok, h.LocalUdp);
        await TransactionHarness.WaitUntilAsync(() => Volatile.Read(ref repeats) == 2);

        h.Advance(TimeSpan.FromSeconds(33));
        await TransactionHarness.WaitUntilAsync(() => h.Layer.ClientCount == 0);
    }

    [Test]
    [CancelAfter(20000)]
    public async Task NonInvite_NoResponse_TimerECapsAtT2ThenTimerFGives408(CancellationToken cancellationToken)
    {
        await using var h = new TransactionHarness();
        var tx = h.Layer.StartClient(TransactionHarness.NewRequest(SipMethods.Options), h.PeerDestination, cancellationToken: cancellationToken);
        await h.Peer.ExpectAsync();
        var sends = new List<double>();
        for (var elapsed = 0.0; elapsed < 32.0; elapsed += 0.5)
        {
            h.Advance(TimeSpan.FromMilliseconds(500));
            if (await h.Peer.ReceiveAsync(TimeSpan.FromMilliseconds(40)) is not null)
            {
                sends.Add(elapsed + 0.5);
            }
        }

        // RFC 3261 17.1.2.2: 0.5, 1.5, 3.5, then every T2 = 4 s.
        sends.Should().Equal(0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5);
        (await tx.Final.WaitAsync(cancellationToken)).StatusCode.Should().Be(408);
    }

    [Test]
    [CancelAfter(20000)]
    public async Task NonInvite_FinalResponse_CompletesAndTimerKEndsIt(CancellationToken cancellationToken)
    {
        await using var h = new TransactionHarness();
        var tx = h.Layer.StartClient(TransactionHarness.NewRequest(SipMethods.Bye), h.PeerDestination, cancellationToken: cancellationToken);
        var bye = (SipRequest)await h.Peer.ExpectAsync();
        await h.Peer.SendAsync(SipResponse.For(bye, 200), h.LocalUdp);
        (await tx.Final.WaitAsync(cancellationToken)).StatusCode.Should().Be(200);
        h.Layer.ClientCount.Should().Be(1, "Completed waits timer K to absorb retransmitted responses");
        h.Advance(TimeSpan.FromSeconds(6));
        await TransactionHarness.WaitUntilAsync(() => h.Layer.ClientCount == 0);
    }
}
