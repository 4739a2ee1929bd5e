using System.Text;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Prompts;
using RcmlEngine.Rtp;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Calls.Sip;

/// <summary>A call whose far end stops sending RTP is ended by the engine, with a reason, and the phone gets BYE.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class SipCallMediaLossTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task PhoneSendsNoRtp_InactivityTimeout_CallEndsMediaLostWithBye(CancellationToken cancellationToken)
    {
        await using var harness = new SipCallHarness(new RtpOptions
        {
            MinPort = FreePorts.MediaRangeStart,
            MaxPort = FreePorts.MediaRangeStart + 39,
            InactivityTimeout = TimeSpan.FromMilliseconds(500),
        });
        var phoneMedia = harness.PhoneMedia();
        var (leg, phoneCall) = await harness.CallEngineAsync(phoneMedia, cancellationToken);
        await leg.AnswerAsync(cancellationToken);
        var outcome = await phoneCall.Outcome.WaitAsync(cancellationToken);
        phoneMedia.ApplyAnswer(Encoding.UTF8.GetString(outcome.Body.Content.Span));

        // The phone's media is never started: nothing reaches the engine while it plays.
        var play = leg.PlayAsync([new SilencePrompt(TimeSpan.FromSeconds(30))], interruptOnDigit: false, cancellationToken);

        await play.Invoking(p => p).Should().ThrowAsync<OperationCanceledException>();
        leg.Lifecycle.EndReason.Should().Be(CallEndReason.MediaLost);
        leg.Lifecycle.Status.Should().Be(CallStatus.Completed);
        (await phoneCall.Completion.WaitAsync(cancellationToken)).Reason.Should().Be(SipCallEndReason.RemoteHangUp, "the engine sent BYE");
    }
}
