using System.Text;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Digits;
using RcmlEngine.Calls.Prompts;
using RcmlEngine.Calls.Recording;
using RcmlEngine.Calls.Sip;
using RcmlEngine.Media.Recording;
using RcmlEngine.Media.Sessions;
using RcmlEngine.Sdp;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Calls.Sip;

/// <summary>An inbound SIP call leg against a real SIP stack and RTP session playing the caller's phone.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class SipInboundCallTests
{
    private SipCallHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new SipCallHarness();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    [CancelAfter(10_000)]
    public async Task RingThenAnswer_PhoneGets180Then200WithSdp_CallInProgress(CancellationToken cancellationToken)
    {
        var phoneMedia = _harness.PhoneMedia();
        var (leg, phoneCall) = await _harness.CallEngineAsync(phoneMedia, cancellationToken);
        var provisional = new TaskCompletionSource<int>();
        phoneCall.Provisional += (_, e) => provisional.TrySetResult(e.StatusCode);

        await leg.RingAsync(cancellationToken);
        (await provisional.Task.WaitAsync(cancellationToken)).Should().Be(180);
        leg.Lifecycle.Status.Should().Be(CallStatus.Ringing);
        await leg.AnswerAsync(cancellationToken);
        await SipCallHarness.ConnectPhoneAsync(phoneCall, phoneMedia, cancellationToken);

        leg.Lifecycle.Status.Should().Be(CallStatus.InProgress);
        leg.Media.Negotiated!.Codec.EncodingName.Should().Be("PCMU");
        await leg.AnswerAsync(cancellationToken);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Digits_Rfc4733AndSipInfo_EachReachesTheBufferOnce(CancellationToken cancellationToken)
    {
        var (leg, phoneCall, phoneMedia) = await AnsweredAsync(cancellationToken);

        await phoneMedia.SendDigitAsync('5', TimeSpan.FromMilliseconds(100), cancellationToken);
        var first = await leg.Digits.ReadAsync(cancellationToken);
        var info = await phoneCall.SendInfoAsync(new SipBody(Encoding.ASCII.GetBytes("Signal=7\r\nDuration=160\r\n"), "application/dtmf-relay"), cancellationToken);
        var second = await leg.Digits.ReadAsync(cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System, cancellationToken);

        info.StatusCode.Should().Be(200);
        (first.Key, second.Key).Should().Be(('5', '7'));
        leg.Digits.TryRead(out _).Should().BeFalse("each key arrives once, the repeated RFC 4733 end packets included");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CollectDigits_KeysDuringThePrompt_InterruptItAndAreCollected(CancellationToken cancellationToken)
    {
        _harness.Audio.SpeechLength = TimeSpan.FromSeconds(20);
        var (leg, _, phoneMedia) = await AnsweredAsync(cancellationToken);

        var gather = leg.CollectDigitsAsync([new SpeechPrompt("Enter your code", "woman", "en")], new DigitCollectOptions(), cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System, cancellationToken);
        foreach (var key in "12#")
        {
            await phoneMedia.SendDigitAsync(key, TimeSpan.FromMilliseconds(60), cancellationToken);
        }

        var collected = await gather;
        collected.Should().Be(new DigitCollection("12", DigitCollectionEnd.FinishKey, '#'));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Play_DigitsPrompt_SendsRfc4733KeysHalfASecondApartForW(CancellationToken cancellationToken)
    {
        var (leg, _, phoneMedia) = await AnsweredAsync(cancellationToken);
        var heard = new List<(char Key, long At)>();
        phoneMedia.DigitReceived = d =>
        {
            lock (heard)
            {
                heard.Add((d.Digit, TimeProvider.System.GetTimestamp()));
            }
        };

        await leg.PlayAsync([new DigitsPrompt("1w2")], interruptOnDigit: false, cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, cancellationToken);

        heard.Select(h => h.Key).Should().Equal('1', '2');
        TimeProvider.System.GetElapsedTime(heard[0].At, heard[1].At).Should().BeGreaterThan(TimeSpan.FromMilliseconds(450), "w waits half a second");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Play_MissingAudioUrl_ReportedWithItsCodeAndTheRestPlays(CancellationToken cancellationToken)
    {
        var (leg, _, _) = await AnsweredAsync(cancellationToken);

        var result = await leg.PlayAsync([new AudioPrompt(new Uri("http://app.invalid/missing.wav")), new SilencePrompt(TimeSpan.FromMilliseconds(100))],
            interruptOnDigit: false, cancellationToken);

        result.Failures.Should().ContainSingle().Which.ErrorCode.Should().Be(PromptErrorCodes.AudioRetrievalFailed);
        _harness.Audio.Asked.Should().Equal("url:http://app.invalid/missing.wav");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RemoteBye_DuringPlay_PlayStopsAndTheCallerHungUp(CancellationToken cancellationToken)
    {
        _harness.Audio.SpeechLength = TimeSpan.FromSeconds(30);
        var (leg, phoneCall, _) = await AnsweredAsync(cancellationToken);
        var play = leg.PlayAsync([new SpeechPrompt("A long prompt", "man", "en")], interruptOnDigit: false, cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, cancellationToken);

        await phoneCall.HangUpAsync(cancellationToken);

        await play.Invoking(p => p).Should().ThrowAsync<OperationCanceledException>();
        leg.Lifecycle.EndReason.Should().Be(CallEndReason.CallerHungUp);
        leg.Lifecycle.Status.Should().Be(CallStatus.Completed);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Cancel_BeforeTheAnswer_CallCanceledAndAnswerThrows(CancellationToken cancellationToken)
    {
        var phoneMedia = _harness.PhoneMedia();
        var (leg, phoneCall) = await _harness.CallEngineAsync(phoneMedia, cancellationToken);
        await leg.RingAsync(cancellationToken);

        await phoneCall.CancelAsync(cancellationToken);
        await leg.Lifecycle.Ended.WhenCancelledAsync().WaitAsync(cancellationToken);

        leg.Lifecycle.Status.Should().Be(CallStatus.Canceled);
        await leg.Invoking(l => l.AnswerAsync(cancellationToken)).Should().ThrowAsync<OperationCanceledException>();
        (await phoneCall.Outcome).StatusCode.Should().Be(487);
    }

    [TestCase(RejectionReason.Busy, 486, CallStatus.Busy)]
    [TestCase(RejectionReason.Declined, 603, CallStatus.NoAnswer)]
    [CancelAfter(10_000)]
    public async Task Reject_BeforeTheAnswer_FinalStatusAndCallStatus(RejectionReason reason, int sipStatus, CallStatus status, CancellationToken cancellationToken)
    {
        var phoneMedia = _harness.PhoneMedia();
        var (leg, phoneCall) = await _harness.CallEngineAsync(phoneMedia, cancellationToken);

        await leg.RejectAsync(reason, cancellationToken);

        (await phoneCall.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(sipStatus);
        leg.Lifecycle.Status.Should().Be(status);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Answer_OfferWithoutACommonCodec_488AndTheCallFails(CancellationToken cancellationToken)
    {
        var phoneMedia = _harness.PhoneMedia();
        var g729 = MediaSessions.PeerSdp(phoneMedia.LocalEndPoint.Port, "18", "a=rtpmap:18 G729/8000\r\n");
        var (leg, phoneCall) = await _harness.CallEngineAsync(phoneMedia, cancellationToken, g729);

        await leg.Invoking(l => l.AnswerAsync(cancellationToken)).Should().ThrowAsync<OperationCanceledException>();

        (await phoneCall.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(488);
        leg.Lifecycle.Status.Should().Be(CallStatus.Failed);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ReInvite_PhonePutsTheCallOnHold_AnsweredRecvOnlyThenResumed(CancellationToken cancellationToken)
    {
        var (leg, phoneCall, phoneMedia) = await AnsweredAsync(cancellationToken);

        phoneMedia.SetDirection(SdpDirection.SendOnly);
        var hold = await phoneCall.ReInviteAsync(SipBody.Sdp(Encoding.UTF8.GetBytes(phoneMedia.CreateOffer())), cancellationToken);
        var holdAnswer = Encoding.UTF8.GetString(hold.Body.Span);
        var held = leg.Media.Negotiated!.LocalDirection;

        // A person takes the call off hold some time later (back to back, the engine may still be taking the ACK: 491).
        await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, cancellationToken);
        phoneMedia.SetDirection(SdpDirection.SendRecv);
        var resume = await phoneCall.ReInviteAsync(SipBody.Sdp(Encoding.UTF8.GetBytes(phoneMedia.CreateOffer())), cancellationToken);

        hold.StatusCode.Should().Be(200);
        holdAnswer.Should().Contain("a=recvonly");
        held.Should().Be(SdpDirection.RecvOnly);
        resume.StatusCode.Should().Be(200);
        leg.Media.Negotiated!.LocalDirection.Should().Be(SdpDirection.SendRecv);
        leg.Lifecycle.IsEnded.Should().BeFalse();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Record_FinishKey_EndsTheRecordingWithTheKey(CancellationToken cancellationToken)
    {
        var (leg, _, phoneMedia) = await AnsweredAsync(cancellationToken);
        using var files = new TempDirectory();

        var recording = leg.RecordAsync(new RecordingRequest { FilePath = files.File("r.wav"), PlayBeep = false, FinishOnKey = "#" }, cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System, cancellationToken);
        await phoneMedia.SendDigitAsync('4', TimeSpan.FromMilliseconds(60), cancellationToken);
        await phoneMedia.SendDigitAsync('#', TimeSpan.FromMilliseconds(60), cancellationToken);
        var result = await recording;

        result.EndedBy.Should().Be(RecordingEnd.FinishKey);
        result.FinishKey.Should().Be('#');
        File.Exists(result.FilePath).Should().BeTrue();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task HangUp_Answered_PhoneGetsByeAndTheCallCompletes(CancellationToken cancellationToken)
    {
        var (leg, phoneCall, _) = await AnsweredAsync(cancellationToken);

        await leg.HangUpAsync(cancellationToken);

        (await phoneCall.Completion.WaitAsync(cancellationToken)).Reason.Should().Be(SipCallEndReason.RemoteHangUp);
        leg.Lifecycle.EndReason.Should().Be(CallEndReason.EngineHungUp);
        leg.Lifecycle.Status.Should().Be(CallStatus.Completed);
    }

    private async Task<(SipInboundCall Leg, SipOutgoingCall PhoneCall, RtpMediaSession PhoneMedia)> AnsweredAsync(CancellationToken cancellationToken)
    {
        var phoneMedia = _harness.PhoneMedia();
        var (leg, phoneCall) = await _harness.CallEngineAsync(phoneMedia, cancellationToken);
        await leg.AnswerAsync(cancellationToken);
        await SipCallHarness.ConnectPhoneAsync(phoneCall, phoneMedia, cancellationToken);
        return (leg, phoneCall, phoneMedia);
    }
}
