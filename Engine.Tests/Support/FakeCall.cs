using RcmlEngine.Calls;
using RcmlEngine.Calls.Digits;
using RcmlEngine.Calls.Prompts;
using RcmlEngine.Calls.Recording;
using RcmlEngine.Media.Recording;

namespace RcmlEngine.Tests.Support;

/// <summary>A call that is only its facts and its lifecycle (any start status), for code that follows calls; it has no media.</summary>
internal sealed class FakeCall(CallInfo info, TimeProvider time, CallStatus initial = CallStatus.Initiated) : ICall, IDisposable
{
    public CallInfo Info { get; } = info;

    public CallLifecycle Lifecycle { get; } = new(time, initial);

    public DigitBuffer Digits { get; } = new(time);

    /// <summary>An inbound (or other <paramref name="direction"/>) call of <paramref name="accountSid"/> from +15550001 to +15550002.</summary>
    public static FakeCall Of(string accountSid, TimeProvider time, CallDirection direction = CallDirection.Inbound,
        CallStatus initial = CallStatus.Initiated, string? parentCallSid = null) =>
        new(new CallInfo
        {
            CallSid = TwilioSid.NewCallSid(),
            AccountSid = accountSid,
            From = "+15550001",
            To = "+15550002",
            Direction = direction,
            ParentCallSid = parentCallSid,
            CallerName = "Alice",
        }, time, initial);

    public Task RingAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task AnswerAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RejectAsync(RejectionReason reason, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task HangUpAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<PlaybackResult> PlayAsync(IReadOnlyList<Prompt> prompts, bool interruptOnDigit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<DigitCollection> CollectDigitsAsync(IReadOnlyList<Prompt> prompts, DigitCollectOptions options, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<RecordingResult> RecordAsync(RecordingRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public void Dispose() => Lifecycle.Dispose();
}
