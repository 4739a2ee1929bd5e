using System.Text;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Media.Sessions;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Calls.Sip;

/// <summary>
/// A leg the engine placed with an SDP offer: rings (180, 183 with early media applied to the media
/// session), then is answered (the 200's SDP applied; an answer that cannot be agreed is hung up) or
/// not (<see cref="Outcome"/>: busy, no-answer, failed or canceled, with the SIP status).
/// <see cref="SipCallLeg.HangUpAsync(CancellationToken)"/> sends CANCEL before the answer and BYE after.
/// </summary>
internal sealed partial class SipOutboundCall : SipCallLeg, IOutboundCall
{
    private readonly SipOutgoingCall _sip;
    private readonly TaskCompletionSource<DialOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DialProgressEvent _progress = new();
    private volatile bool _cancelling;
    private volatile bool _earlyMedia;

    /// <summary>Follows <paramref name="sip"/> (its INVITE carries <paramref name="media"/>'s offer; the session is started).</summary>
    public SipOutboundCall(CallInfo info, SipOutgoingCall sip, RtpMediaSession media, SipCallLegContext context)
        : base(info, sip, media, context)
    {
        _sip = sip;
        // A provisional response that came before this leg listened is handed over now (early SDP included).
        sip.Provisional += OnProvisional;

        StartWatching();
        _ = CompleteAsync();
    }

    /// <summary>
    /// Ringing and early media. A handler added after a provisional response came gets the last one at
    /// once: the INVITE leaves in <see cref="SipCallFactory.Dial"/>, so a fast 180 can beat any subscriber.
    /// </summary>
    public event EventHandler<DialProgressEventArgs>? Progress
    {
        add => _progress.Add(this, value);
        remove => _progress.Remove(value);
    }

    /// <inheritdoc />
    public Task<DialOutcome> Outcome => _outcome.Task;

    /// <inheritdoc />
    protected override CallEndReason UnansweredHangUpReason => CallEndReason.Canceled;

    /// <summary>True once answered, or when the callee sends early media (183 with SDP).</summary>
    protected override bool HasMedia => Lifecycle.IsAnswered || _earlyMedia;

    /// <summary>Nothing to signal: the callee's phone rings, not ours.</summary>
    public override Task RingAsync(CancellationToken cancellationToken)
    {
        ThrowIfEnded(cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>Waits for the callee's answer; throws <see cref="OperationCanceledException"/> when it never comes.</summary>
    public override async Task AnswerAsync(CancellationToken cancellationToken)
    {
        ThrowIfEnded(cancellationToken);
        var outcome = await Outcome.WaitAsync(cancellationToken);
        if (!outcome.IsAnswered || Lifecycle.IsEnded)
        {
            throw CallEnded();
        }
    }

    /// <summary>An outbound leg is hung up (CANCEL), never rejected.</summary>
    public override Task RejectAsync(RejectionReason reason, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("an outbound leg is not rejected; hang it up");

    /// <inheritdoc />
    public override Task HangUpAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        _cancelling |= !Lifecycle.IsAnswered;
        return base.HangUpAsync(headers, cancellationToken);
    }

    /// <inheritdoc />
    protected override CallEndReason MapEnd(SipCallEndedEventArgs ended) => ended.Reason switch
    {
        SipCallEndReason.RemoteHangUp => CallEndReason.CallerHungUp,
        SipCallEndReason.LocalHangUp when Lifecycle.IsAnswered => CallEndReason.EngineHungUp,
        _ => ReasonFor(StatusFor(ended.StatusCode)),
    };

    private static CallEndReason ReasonFor(DialStatus status) => status switch
    {
        DialStatus.Busy => CallEndReason.RejectedBusy,
        DialStatus.NoAnswer => CallEndReason.Rejected,
        DialStatus.Canceled => CallEndReason.Canceled,
        DialStatus.Answered => CallEndReason.EngineHungUp,
        _ => CallEndReason.Failed,
    };

    // Twilio's DialCallStatus from the final SIP status. 487 without our CANCEL is the ring timeout's.
    private DialStatus StatusFor(int statusCode) => _cancelling
        ? DialStatus.Canceled
        : statusCode switch
        {
            486 or 600 => DialStatus.Busy,
            408 or 480 or 487 or 603 => DialStatus.NoAnswer,
            _ => DialStatus.Failed,
        };

    private void OnProvisional(object? sender, SipProvisionalEventArgs e)
    {
        var early = e.Body.ContentType.StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase) &&
            Media.ApplyAnswer(Encoding.UTF8.GetString(e.Body.Content.Span), provisional: true).Succeeded;
        _earlyMedia |= early;

        // News first, then the status: whoever reports "ringing" knows the provisional's code by then.
        var news = new DialProgressEventArgs(early ? DialProgress.EarlyMedia : DialProgress.Ringing, e.StatusCode);
        _progress.Raise(this, news);
        Lifecycle.MarkRinging();
    }

    private async Task CompleteAsync()
    {
        DialOutcome outcome;
        try
        {
            var final = await _sip.Outcome;
            var headers = final.Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList();
            outcome = (final.IsAnswered ? await OnAnsweredAsync(final) : await OnFailedAsync(final)) with { Headers = headers };
        }
#pragma warning disable CA1031 // Whatever goes wrong, the Dial waiting on this leg gets an outcome.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await EndAsync(CallEndReason.Failed, () => _sip.HangUpAsync(CancellationToken.None));
            outcome = new DialOutcome(DialStatus.Failed, 0, exception.Message);
        }

        LogDialed(Info.CallSid, outcome.Status, outcome.SipStatusCode, outcome.Reason);
        _outcome.TrySetResult(outcome);
    }

    private async Task<DialOutcome> OnAnsweredAsync(SipCallOutcome final)
    {
        var body = final.Body;
        var exchange = body.IsEmpty ? null : Media.ApplyAnswer(Encoding.UTF8.GetString(body.Content.Span));
        if (_cancelling || !(exchange?.Succeeded ?? _earlyMedia))
        {
            // RFC 3264 6: an answer we cannot use (or one that crossed our CANCEL) ends the call with BYE.
            var error = _cancelling ? "canceled" : exchange?.Error ?? "the answer carried no SDP";
            await EndAsync(_cancelling ? CallEndReason.Canceled : CallEndReason.Failed, () => _sip.HangUpAsync(CancellationToken.None));
            return new DialOutcome(_cancelling ? DialStatus.Canceled : DialStatus.Failed, _cancelling ? final.StatusCode : 488, error);
        }

        if (Lifecycle.MarkAnswered())
        {
            LogAnswered(Info.CallSid, Media.Negotiated?.Codec.EncodingName ?? "none");
        }

        return new DialOutcome(DialStatus.Answered, final.StatusCode, final.ReasonPhrase);
    }

    private async Task<DialOutcome> OnFailedAsync(SipCallOutcome final)
    {
        var status = StatusFor(final.StatusCode);
        await EndAsync(ReasonFor(status));
        return new DialOutcome(status, final.StatusCode, final.ReasonPhrase);
    }
}
