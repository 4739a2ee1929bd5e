using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Calls;

namespace RcmlEngine.Tests.Calls;

[TestFixture]
public sealed class CallLifecycleTests
{
    [Test]
    public void MarkEnded_AnsweredCall_IsCompletedWithTalkTimeRoundedUp()
    {
        var time = new FakeTimeProvider();
        using var lifecycle = new CallLifecycle(time);
        time.Advance(TimeSpan.FromSeconds(3));
        lifecycle.MarkAnswered();
        time.Advance(TimeSpan.FromSeconds(7.2));

        lifecycle.MarkEnded(CallEndReason.CallerHungUp).Should().BeTrue();

        lifecycle.Status.Should().Be(CallStatus.Completed);
        lifecycle.DurationSeconds.Should().Be(8);
        lifecycle.Ended.IsCancellationRequested.Should().BeTrue();
        lifecycle.EndReason.Should().Be(CallEndReason.CallerHungUp);
    }

    [TestCase(nameof(CallEndReason.CallerHungUp), nameof(CallStatus.Canceled))]
    [TestCase(nameof(CallEndReason.RejectedBusy), nameof(CallStatus.Busy))]
    [TestCase(nameof(CallEndReason.Rejected), nameof(CallStatus.NoAnswer))]
    [TestCase(nameof(CallEndReason.EngineHungUp), nameof(CallStatus.Failed))]
    [TestCase(nameof(CallEndReason.Failed), nameof(CallStatus.Failed))]
    public void MarkEnded_Unanswered_FinalStatusFollowsReason(string endReason, string finalStatus)
    {
        var reason = Enum.Parse<CallEndReason>(endReason);
        var expected = Enum.Parse<CallStatus>(finalStatus);
        using var lifecycle = new CallLifecycle(new FakeTimeProvider());
        lifecycle.MarkRinging();

        lifecycle.MarkEnded(reason);

        lifecycle.Status.Should().Be(expected);
        lifecycle.DurationSeconds.Should().Be(0);
    }

    [Test]
    public void Mark_RepeatedOrBackwards_IsIgnored()
    {
        using var lifecycle = new CallLifecycle(new FakeTimeProvider());
        lifecycle.MarkAnswered().Should().BeTrue();

        lifecycle.MarkAnswered().Should().BeFalse();
        lifecycle.MarkRinging().Should().BeFalse("ringing comes before the answer");
        lifecycle.MarkEnded(CallEndReason.EngineHungUp).Should().BeTrue();
        lifecycle.MarkEnded(CallEndReason.CallerHungUp).Should().BeFalse();
        lifecycle.EndReason.Should().Be(CallEndReason.EngineHungUp);
    }

    [Test]
    public void Subscribe_LateObserver_GetsPastChangesThenNewOnesInOrder()
    {
        using var lifecycle = new CallLifecycle(new FakeTimeProvider());
        lifecycle.MarkRinging();
        var seen = new List<CallStatus>();

        using (lifecycle.Subscribe(change => seen.Add(change.Status)))
        {
            lifecycle.MarkAnswered();
            lifecycle.MarkEnded(CallEndReason.EngineHungUp);
        }

        seen.Should().Equal(CallStatus.Initiated, CallStatus.Ringing, CallStatus.InProgress, CallStatus.Completed);
    }

    [Test]
    public void MarkEnded_ObserversRunBeforeTheEndedTokenIsCancelled()
    {
        using var lifecycle = new CallLifecycle(new FakeTimeProvider());
        var cancelledWhenObserved = true;
        using var subscription = lifecycle.Subscribe(change =>
        {
            if (change.Status.IsFinal())
            {
                cancelledWhenObserved = lifecycle.Ended.IsCancellationRequested;
            }
        });

        lifecycle.MarkEnded(CallEndReason.CallerHungUp);

        cancelledWhenObserved.Should().BeFalse("the completed callback must be queued before anything reacts to the end");
    }

    [Test]
    public void NewCallSid_IsCaAnd32LowercaseHex()
    {
        var sid = TwilioSid.NewCallSid();

        sid.Should().MatchRegex("^CA[0-9a-f]{32}$");
        TwilioSid.IsValid(sid, TwilioSid.CallPrefix).Should().BeTrue();
        TwilioSid.IsValid(sid.ToUpperInvariant(), TwilioSid.CallPrefix).Should().BeFalse();
        TwilioSid.IsValid("CA123", TwilioSid.CallPrefix).Should().BeFalse();
    }

    [TestCase(nameof(CallStatus.NoAnswer), "no-answer")]
    [TestCase(nameof(CallStatus.InProgress), "in-progress")]
    public void ToWebhookValue_UsesTwilioWords(string status, string expected) =>
        Enum.Parse<CallStatus>(status).ToWebhookValue().Should().Be(expected);
}
