using System.Text;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Sip.UserAgent;

/// <summary>Two engine stacks calling each other over loopback, over UDP and over TCP.</summary>
[TestFixture(SipTransportKind.Udp)]
[TestFixture(SipTransportKind.Tcp)]
internal sealed class SipStackCallTests(SipTransportKind transport)
{
    private static readonly SipBody Offer = SipBody.Sdp(Encoding.ASCII.GetBytes("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n"));
    private static readonly SipBody Answer = SipBody.Sdp(Encoding.ASCII.GetBytes("v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n"));

    private SipStack _caller = null!;
    private SipStack _callee = null!;

    [SetUp]
    public void SetUp()
    {
        _caller = SipTestStacks.Start();
        _callee = SipTestStacks.Start();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _caller.DisposeAsync();
        await _callee.DisposeAsync();
    }

    private SipUri CalleeUri(string user = "alice") =>
        SipUri.Create(user, "127.0.0.1", _callee.EndPoint(transport).Port).WithParameter("transport", transport == SipTransportKind.Tcp ? "tcp" : "udp");

    [Test]
    [CancelAfter(10000)]
    public async Task Dial_CalleeRingsThenAnswers_BothSidesConfirmedAndByeEndsBoth(CancellationToken cancellationToken)
    {
        var incoming = new TaskCompletionSource<SipIncomingCall>();
        _callee.IncomingCallHandler = async (call, ct) =>
        {
            incoming.TrySetResult(call);
            await call.SendProvisionalAsync(180, cancellationToken: ct);
            await call.AcceptAsync(Answer, [new("X-Answered", "yes")], ct);
        };

        var ringing = new TaskCompletionSource<int>();
        var options = new SipDialOptions(CalleeUri()) { Body = Offer, Headers = [new("X-Account", "AC123"), new("User-to-User", "abc;encoding=hex")] };
        var call = _caller.Dial(options, cancellationToken);
        call.Provisional += (_, e) => ringing.TrySetResult(e.StatusCode);

        var outcome = await call.Outcome.WaitAsync(cancellationToken);
        outcome.StatusCode.Should().Be(200);
        outcome.Body.Content.ToArray().Should().Equal(Answer.Content.ToArray());
        outcome.Headers.Should().Contain(h => h.Name == "X-Answered" && h.Value == "yes");
        (await ringing.Task.WaitAsync(cancellationToken)).Should().Be(180);

        var callee = await incoming.Task.WaitAsync(cancellationToken);
        callee.Invite.Headers["X-Account"].Should().Be("AC123");
        callee.Invite.Headers["User-to-User"].Should().Be("abc;encoding=hex");
        callee.Offer.Content.ToArray().Should().Equal(Offer.Content.ToArray());

        await call.HangUpAsync(cancellationToken);
        var ended = await callee.Completion.WaitAsync(cancellationToken);
        ended.Reason.Should().Be(SipCallEndReason.RemoteHangUp);
        (await call.Completion.WaitAsync(cancellationToken)).Reason.Should().Be(SipCallEndReason.LocalHangUp);
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Dial_CalleeBusy_OutcomeIs486(CancellationToken cancellationToken)
    {
        _callee.IncomingCallHandler = (call, ct) => call.RejectAsync(486, cancellationToken: ct);
        var call = _caller.Dial(new SipDialOptions(CalleeUri()) { Body = Offer }, cancellationToken);
        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(486);
        (await call.Completion.WaitAsync(cancellationToken)).Reason.Should().Be(SipCallEndReason.Rejected);
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Cancel_WhileRinging_CalleeSeesCancelAndCallerGets487(CancellationToken cancellationToken)
    {
        var incoming = new TaskCompletionSource<SipIncomingCall>();
        _callee.IncomingCallHandler = async (call, ct) =>
        {
            await call.SendProvisionalAsync(180, cancellationToken: ct);
            incoming.TrySetResult(call);
            await call.Completion;
        };

        var call = _caller.Dial(new SipDialOptions(CalleeUri()) { Body = Offer }, cancellationToken);
        var callee = await incoming.Task.WaitAsync(cancellationToken);
        await call.CancelAsync(cancellationToken);
        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(487);
        (await callee.Completion.WaitAsync(cancellationToken)).Reason.Should().Be(SipCallEndReason.Cancelled);
    }

    [Test]
    [CancelAfter(10000)]
    public async Task InDialog_ReInviteInfoAndRefer_ReachTheOtherSide(CancellationToken cancellationToken)
    {
        var incoming = new TaskCompletionSource<SipIncomingCall>();
        var info = new TaskCompletionSource<SipInfoEventArgs>();
        var reInvite = new TaskCompletionSource<SipBody>();
        var refer = new TaskCompletionSource<SipIncomingRefer>();
        _callee.IncomingCallHandler = async (call, ct) =>
        {
            call.InfoReceived += (_, e) => info.TrySetResult(e);
            call.ReInviteHandler = (offer, _) =>
            {
                reInvite.TrySetResult(offer);
                return Task.FromResult<SipBody?>(Answer);
            };
            call.ReferHandler = async (r, c) =>
            {
                await r.AcceptAsync(c);
                refer.TrySetResult(r);
                await r.NotifyAsync(200, null, c);
            };
            incoming.TrySetResult(call);
            await call.AcceptAsync(Answer, null, ct);
        };

        var call = _caller.Dial(new SipDialOptions(CalleeUri()) { Body = Offer }, cancellationToken);
        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(200);
        await incoming.Task.WaitAsync(cancellationToken);

        var hold = SipBody.Sdp(Encoding.ASCII.GetBytes("v=0\r\na=sendonly\r\n"));
        (await call.ReInviteAsync(hold, cancellationToken)).StatusCode.Should().Be(200);
        (await reInvite.Task.WaitAsync(cancellationToken)).Content.ToArray().Should().Equal(hold.Content.ToArray());

        var dtmf = new SipBody(Encoding.ASCII.GetBytes("Signal=5\r\nDuration=160\r\n"), "application/dtmf-relay");
        (await call.SendInfoAsync(dtmf, cancellationToken)).StatusCode.Should().Be(200);
        var received = await info.Task.WaitAsync(cancellationToken);
        received.Digit.Should().Be('5');
        received.Duration.Should().Be(TimeSpan.FromMilliseconds(160));

        var progress = new List<int>();
        var done = new TaskCompletionSource();
        call.ReferProgress += (_, e) =>
        {
            lock (progress)
            {
                progress.Add(e.StatusCode);
            }

            if (e.IsFinal)
            {
                done.TrySetResult();
            }
        };
        (await call.ReferAsync(SipUri.Create("bob", "example.com"), cancellationToken)).StatusCode.Should().Be(202);
        var accepted = await refer.Task.WaitAsync(cancellationToken);
        accepted.ReferTo.Uri.User.Should().Be("bob");
        accepted.ReferredBy.Should().NotBeNull();
        await done.Task.WaitAsync(cancellationToken);
        progress.Should().Equal(100, 200);

        await call.HangUpAsync(cancellationToken);
    }
}
