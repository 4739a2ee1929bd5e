using System.Text;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Media.Wav;
using RcmlEngine.Media.Tones;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Calls.Sip;

/// <summary>Two legs bridged (what Dial does once the callee answers): audio and keys pass through, either end ends it.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class SipCallBridgeTests
{
    [Test]
    [CancelAfter(15_000)]
    public async Task Bridge_CallerAndCallee_ToneAndKeyPassThroughUntilTheCalleeHangsUp(CancellationToken cancellationToken)
    {
        await using var harness = new SipCallHarness();
        var callerMedia = harness.PhoneMedia();
        var (caller, callerCall) = await harness.CallEngineAsync(callerMedia, cancellationToken);
        await caller.AnswerAsync(cancellationToken);
        await SipCallHarness.ConnectPhoneAsync(callerCall, callerMedia, cancellationToken);

        var calleeMedia = harness.PhoneMedia();
        var calleeCall = new TaskCompletionSource<SipIncomingCall>();
        harness.Phone.IncomingCallHandler = async (call, ct) =>
        {
            var answer = calleeMedia.AnswerOffer(Encoding.UTF8.GetString(call.Offer.Content.Span)).Sdp!;
            calleeMedia.Start();
            await call.AcceptAsync(SipBody.Sdp(Encoding.UTF8.GetBytes(answer)), null, ct);
            calleeCall.TrySetResult(call);
            await call.Completion;
        };
        var info = caller.Info with { CallSid = TwilioSid.NewCallSid(), Direction = CallDirection.OutboundDial, ParentCallSid = caller.Info.CallSid };
        await using var callee = harness.Factory.Dial(new DialRequest { Target = harness.PhoneUri("bob"), Info = info });
        await callee.AnswerAsync(cancellationToken);
        var keys = new TaskCompletionSource<char>();
        calleeMedia.DigitReceived = d => keys.TrySetResult(d.Digit);

        var bridge = caller.BridgeAsync(callee, cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, cancellationToken);
        using var files = new TempDirectory();
        var heard = calleeMedia.RecordAsync(new() { FilePath = files.File("heard.wav"), TrimSilence = false, SilenceTimeout = TimeSpan.Zero, MaxLength = TimeSpan.FromSeconds(1.5) }, cancellationToken);
        await using (var tone = StandardTones.Sine(1000, TimeSpan.FromSeconds(1), -10))
        {
            await callerMedia.PlayAsync(tone, cancellationToken);
        }

        await callerMedia.SendDigitAsync('9', TimeSpan.FromMilliseconds(80), cancellationToken);
        (await keys.Task.WaitAsync(cancellationToken)).Should().Be('9', "the caller's key reaches the callee's phone");
        caller.Digits.TryRead(out var kept).Should().BeTrue();
        kept.Key.Should().Be('9', "and stays in the caller's buffer (hangupOnStar)");
        var result = await heard;
        await (await calleeCall.Task).HangUpAsync(cancellationToken);

        (await bridge).Should().Be(BridgeEnd.OtherCallEnded);
        callee.Lifecycle.EndReason.Should().Be(CallEndReason.CallerHungUp, "the callee's phone hung up");
        caller.Lifecycle.IsEnded.Should().BeFalse("the caller goes on with the next verb");
        await using var wav = await WavAudioSource.OpenAsync(File.OpenRead(result.FilePath), "heard", cancellationToken);
        var samples = await AudioReading.ReadAllAsync(wav, cancellationToken);
        ToneAnalysis.DominantFrequency(samples).Should().Be(1000, "the caller's tone reached the callee");
    }
}
