using System.Text;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Calls.Sip;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Calls.Sip;

/// <summary>Outbound legs (what Dial builds on) against a real SIP stack answering as the callee's phone.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class SipOutboundCallTests
{
    private SipCallHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new SipCallHarness();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_CalleeRingsThenAnswers_ProgressThenAnsweredWithAgreedMedia(CancellationToken cancellationToken)
    {
        var phoneMedia = _harness.PhoneMedia();
        SipIncomingCall? callee = null;
        _harness.Phone.IncomingCallHandler = async (call, ct) =>
        {
            callee = call;
            await call.SendProvisionalAsync(180, null, ct);
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, ct);
            var answer = phoneMedia.AnswerOffer(Encoding.UTF8.GetString(call.Offer.Content.Span));
            phoneMedia.Start();
            await call.AcceptAsync(SipBody.Sdp(Encoding.UTF8.GetBytes(answer.Sdp!)), null, ct);
        };
        await using var leg = _harness.Factory.Dial(Request(_harness.PhoneUri("bob") + "?X-Customer=42"));
        var progress = new List<DialProgress>();
        leg.Progress += (_, e) => progress.Add(e.Progress);

        var outcome = await leg.Outcome.WaitAsync(cancellationToken);
        await leg.AnswerAsync(cancellationToken);

        outcome.Should().BeEquivalentTo(new { Status = DialStatus.Answered, SipStatusCode = 200 });
        progress.Should().Contain(DialProgress.Ringing);
        leg.Lifecycle.Status.Should().Be(CallStatus.InProgress);
        leg.Info.Direction.Should().Be(CallDirection.OutboundDial);
        callee!.Invite.Headers["X-Customer"].Should().Be("42", "headers of the target URI go on the INVITE");
        ((SipCallLeg)leg).Media.Negotiated!.Codec.EncodingName.Should().Be("PCMU");
    }

    [TestCase(486, DialStatus.Busy, CallStatus.Busy)]
    [TestCase(480, DialStatus.NoAnswer, CallStatus.NoAnswer)]
    [TestCase(404, DialStatus.Failed, CallStatus.Failed)]
    [CancelAfter(10_000)]
    public async Task Dial_CalleeRefuses_OutcomeAndStatusFromTheSipCode(int sipStatus, DialStatus dialStatus, CallStatus callStatus, CancellationToken cancellationToken)
    {
        _harness.Phone.IncomingCallHandler = (call, ct) => call.RejectAsync(sipStatus, null, null, ct);
        await using var leg = _harness.Factory.Dial(Request(_harness.PhoneUri("bob")));

        var outcome = await leg.Outcome.WaitAsync(cancellationToken);

        outcome.Should().BeEquivalentTo(new { Status = dialStatus, SipStatusCode = sipStatus });
        leg.Lifecycle.Status.Should().Be(callStatus);
        await leg.Invoking(l => l.AnswerAsync(cancellationToken)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_RingTimeout_CanceledAsNoAnswer(CancellationToken cancellationToken)
    {
        _harness.Phone.IncomingCallHandler = async (call, ct) =>
        {
            await call.SendProvisionalAsync(180, null, ct);
            await ct.WhenCancelledAsync();
        };
        await using var leg = _harness.Factory.Dial(Request(_harness.PhoneUri("bob")) with { RingTimeout = TimeSpan.FromMilliseconds(300) });

        var outcome = await leg.Outcome.WaitAsync(cancellationToken);

        outcome.Should().BeEquivalentTo(new { Status = DialStatus.NoAnswer, SipStatusCode = 487 });
        leg.Lifecycle.Status.Should().Be(CallStatus.NoAnswer);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task HangUp_WhileRinging_CancelSentAndCanceled(CancellationToken cancellationToken)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _harness.Phone.IncomingCallHandler = async (call, ct) =>
        {
            await call.SendProvisionalAsync(180, null, ct);
            await ct.WhenCancelledAsync();
            cancelled.TrySetResult();
        };
        await using var leg = _harness.Factory.Dial(Request(_harness.PhoneUri("bob")));
        var ringing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        leg.Progress += (_, _) => ringing.TrySetResult();
        await ringing.Task.WaitAsync(cancellationToken);

        await leg.HangUpAsync(cancellationToken);

        await cancelled.Task.WaitAsync(cancellationToken);
        (await leg.Outcome.WaitAsync(cancellationToken)).Status.Should().Be(DialStatus.Canceled);
        leg.Lifecycle.Status.Should().Be(CallStatus.Canceled);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_EarlyMedia183_ProgressEarlyMediaThenAnswered(CancellationToken cancellationToken)
    {
        var phoneMedia = _harness.PhoneMedia();
        _harness.Phone.IncomingCallHandler = async (call, ct) =>
        {
            var answer = phoneMedia.AnswerOffer(Encoding.UTF8.GetString(call.Offer.Content.Span)).Sdp!;
            phoneMedia.Start();
            await call.SendProvisionalAsync(183, SipBody.Sdp(Encoding.UTF8.GetBytes(answer)), ct);
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, ct);
            await call.AcceptAsync(SipBody.Sdp(Encoding.UTF8.GetBytes(answer)), null, ct);
        };
        await using var leg = _harness.Factory.Dial(Request(_harness.PhoneUri("bob")));
        var early = new TaskCompletionSource<DialProgress>(TaskCreationOptions.RunContinuationsAsynchronously);
        leg.Progress += (_, e) => early.TrySetResult(e.Progress);

        (await early.Task.WaitAsync(cancellationToken)).Should().Be(DialProgress.EarlyMedia);
        (await leg.Outcome.WaitAsync(cancellationToken)).Status.Should().Be(DialStatus.Answered);
    }

    [Test]
    public void Dial_NotASipUri_Throws()
    {
        var dial = () => _harness.Factory.Dial(Request("mailto:bob@example.com"));

        dial.Should().Throw<ArgumentException>().WithMessage("*not a sip*");
    }

    private static DialRequest Request(string target) => new()
    {
        Target = target,
        Info = new CallInfo
        {
            CallSid = TwilioSid.NewCallSid(),
            AccountSid = "AC" + new string('0', 32),
            From = "+15550001111",
            To = "bob",
            Direction = CallDirection.OutboundDial,
            ParentCallSid = TwilioSid.NewCallSid(),
        },
    };
}
