using RcmlEngine.Calls.Dialing;
using RcmlEngine.Calls.Digits;
using RcmlEngine.Calls.Prompts;
using RcmlEngine.Calls.Recording;
using RcmlEngine.Media.Recording;

namespace RcmlEngine.Calls.Virtual;

/// <summary>
/// A dialed leg that a <see cref="VirtualCallee"/> answers, on the virtual phone's clock: it rings, then
/// answers (a <see cref="VirtualPhone"/> from then on: screening documents play to it, its keys come
/// from <see cref="VirtualCallee.Keys"/>), is busy, fails, or rings until the ring timeout or a cancel.
/// </summary>
internal sealed class VirtualOutboundCall : IOutboundCall
{
    private readonly VirtualPhone _phone;
    private readonly VirtualCallee _callee;
    private readonly DialRequest _request;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource<DialOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _cancel = new();
    private readonly DialProgressEvent _progress = new();

    /// <summary>Starts ringing <paramref name="request"/>'s target, which behaves as <paramref name="callee"/>.</summary>
    public VirtualOutboundCall(DialRequest request, VirtualCallee callee, TimeProvider time)
    {
        _request = request;
        _callee = callee;
        _time = time;
        _phone = new VirtualPhone(request.Info, time, VirtualPhoneOptions.Instant, callee.Keys ?? ScriptedCaller.Silent);
        _ = RunAsync();
    }

    /// <inheritdoc />
    public event EventHandler<DialProgressEventArgs>? Progress
    {
        add => _progress.Add(this, value);
        remove => _progress.Remove(value);
    }

    /// <summary>What the dialed party heard and did.</summary>
    public VirtualPhone Phone => _phone;

    /// <summary>The request it was dialed with.</summary>
    public DialRequest Request => _request;

    /// <inheritdoc />
    public CallInfo Info => _phone.Info;

    /// <inheritdoc />
    public CallLifecycle Lifecycle => _phone.Lifecycle;

    /// <inheritdoc />
    public DigitBuffer Digits => _phone.Digits;

    /// <inheritdoc />
    public Task<DialOutcome> Outcome => _outcome.Task;

    /// <inheritdoc />
    public Task RingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task AnswerAsync(CancellationToken cancellationToken)
    {
        var outcome = await Outcome.WaitAsync(cancellationToken);
        if (!outcome.IsAnswered || Lifecycle.IsEnded)
        {
            throw new OperationCanceledException($"call {Info.CallSid} has ended", Lifecycle.Ended);
        }
    }

    /// <inheritdoc />
    public Task RejectAsync(RejectionReason reason, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("an outbound leg is not rejected; hang it up");

    /// <inheritdoc />
    public async Task HangUpAsync(CancellationToken cancellationToken)
    {
        if (Lifecycle.IsAnswered)
        {
            await _phone.HangUpAsync(cancellationToken);
            return;
        }

        await _cancel.CancelAsync();
        if (Lifecycle.MarkEnded(CallEndReason.Canceled))
        {
            _outcome.TrySetResult(new DialOutcome(DialStatus.Canceled, 487, "Request Terminated"));
        }
    }

    /// <inheritdoc />
    public Task<PlaybackResult> PlayAsync(IReadOnlyList<Prompt> prompts, bool interruptOnDigit, CancellationToken cancellationToken) =>
        _phone.PlayAsync(prompts, interruptOnDigit, cancellationToken);

    /// <inheritdoc />
    public Task<DigitCollection> CollectDigitsAsync(IReadOnlyList<Prompt> prompts, DigitCollectOptions options, CancellationToken cancellationToken) =>
        _phone.CollectDigitsAsync(prompts, options, cancellationToken);

    /// <inheritdoc />
    public Task<RecordingResult> RecordAsync(RecordingRequest request, CancellationToken cancellationToken) =>
        _phone.RecordAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<BridgeEnd> BridgeAsync(IBridgeableCall other, CancellationToken cancellationToken) =>
        VirtualBridge.WaitAsync(this, other, _time, cancellationToken);

    /// <inheritdoc />
    public ICallRecording StartRecording(string filePath, bool dual) => new VirtualCallRecording(filePath, _time);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await HangUpAsync(CancellationToken.None);
        _phone.Dispose();
        _cancel.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _cancel.Token;
        try
        {
            await Task.Yield();
            var news = new DialProgressEventArgs(_callee.EarlyMedia ? DialProgress.EarlyMedia : DialProgress.Ringing, _callee.EarlyMedia ? 183 : 180);
            _progress.Raise(this, news);
            Lifecycle.MarkRinging();
            var ringTimeout = _request.RingTimeout ?? Timeout.InfiniteTimeSpan;
            var ringFor = _callee.Answer == DialStatus.NoAnswer || (ringTimeout != Timeout.InfiniteTimeSpan && _callee.RingFor >= ringTimeout)
                ? ringTimeout
                : _callee.RingFor;
            await Task.Delay(ringFor, _time, token);
            if (ringFor == ringTimeout && ringFor != _callee.RingFor)
            {
                Finish(DialStatus.NoAnswer, 487, "Request Terminated", CallEndReason.Rejected);
                return;
            }

            switch (_callee.Answer)
            {
                case DialStatus.Answered:
                    await _phone.AnswerAsync(token);
                    _outcome.TrySetResult(new DialOutcome(DialStatus.Answered, Code(200), "OK") { Headers = _callee.Headers });
                    if (_callee.TalkFor is { } talk)
                    {
                        await Task.Delay(talk, _time, Lifecycle.Ended);
                        _phone.HangUpFromCaller();
                    }

                    break;
                case DialStatus.Busy:
                    Finish(DialStatus.Busy, Code(486), "Busy Here", CallEndReason.RejectedBusy);
                    break;
                default:
                    Finish(DialStatus.Failed, Code(404), "Not Found", CallEndReason.Failed);
                    break;
            }
        }
        catch (OperationCanceledException)
        {
            // Cancelled (the outcome is set by the hang-up), or the call ended while talking.
        }
    }

    private int Code(int usual) => _callee.SipStatusCode == 0 ? usual : _callee.SipStatusCode;

    private void Finish(DialStatus status, int code, string reason, CallEndReason end)
    {
        if (Lifecycle.MarkEnded(end))
        {
            _outcome.TrySetResult(new DialOutcome(status, code, reason) { Headers = _callee.Headers });
        }
    }
}
