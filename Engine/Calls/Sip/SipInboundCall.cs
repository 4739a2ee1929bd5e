using System.Text;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Media.Sessions;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Calls.Sip;

/// <summary>
/// A call that arrived over SIP: 180 Ringing on <see cref="RingAsync"/>; on <see cref="AnswerAsync"/> 200
/// OK with the SDP answer (488 when the offer has no codec in common), answered once the ACK arrives;
/// 486 or 603 on <see cref="RejectAsync(RejectionReason, CancellationToken)"/>; BYE on <see cref="SipCallLeg.HangUpAsync(CancellationToken)"/> (480 before the
/// answer). A late offer (INVITE without SDP) is answered with an offer in the 200 and the ACK's answer.
/// </summary>
internal sealed class SipInboundCall : SipCallLeg, IEarlyMediaCall
{
    private readonly SipIncomingCall _sip;
    private readonly Lock _answerLock = new();
    private readonly SemaphoreSlim _earlyGate = new(1, 1);
    private Task? _answering;
    private volatile string? _earlyAnswer;

    /// <summary>Takes over <paramref name="sip"/> (not yet answered) with a new, unstarted <paramref name="media"/> session.</summary>
    public SipInboundCall(CallInfo info, SipIncomingCall sip, RtpMediaSession media, SipCallLegContext context)
        : base(info, sip, media, context)
    {
        _sip = sip;
        StartWatching();
    }

    /// <inheritdoc />
    public override async Task RingAsync(CancellationToken cancellationToken)
    {
        ThrowIfEnded(cancellationToken);
        if (Lifecycle.IsAnswered)
        {
            return;
        }

        await _sip.SendProvisionalAsync(180, null, cancellationToken);
        Lifecycle.MarkRinging();
    }

    /// <inheritdoc />
    public override Task AnswerAsync(CancellationToken cancellationToken)
    {
        ThrowIfEnded(cancellationToken);
        if (Lifecycle.IsAnswered)
        {
            return Task.CompletedTask;
        }

        Task answering;
        lock (_answerLock)
        {
            answering = _answering ??= AnswerOnceAsync();
        }

        return answering.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Sends 183 Session Progress with the SDP answer and starts the media; the 200 later carries the same
    /// answer (RFC 3261 13.2.1: the offer was answered once). Not for a late-offer INVITE (returns false).
    /// </summary>
    public async Task<bool> StartEarlyMediaAsync(CancellationToken cancellationToken)
    {
        ThrowIfEnded(cancellationToken);
        await _earlyGate.WaitAsync(cancellationToken);
        try
        {
            if (_earlyAnswer is not null || Lifecycle.IsAnswered)
            {
                return true;
            }

            lock (_answerLock)
            {
                if (_answering is not null)
                {
                    return false;
                }
            }

            var offer = _sip.Offer;
            if (offer.IsEmpty)
            {
                return false;
            }

            var exchange = Media.AnswerOffer(Encoding.UTF8.GetString(offer.Content.Span));
            if (!exchange.Succeeded)
            {
                LogOfferRefused(Info.CallSid, exchange.Error!, 488);
                await EndAsync(CallEndReason.Failed, () => _sip.RejectAsync(488, null, null, CancellationToken.None));
                throw CallEnded();
            }

            Media.Start();
            await _sip.SendProvisionalAsync(183, SipBody.Sdp(Encoding.UTF8.GetBytes(exchange.Sdp!)), cancellationToken);
            _earlyAnswer = exchange.Sdp;
            Lifecycle.MarkRinging();
            return true;
        }
        finally
        {
            _earlyGate.Release();
        }
    }

    /// <inheritdoc />
    protected override bool HasMedia => Lifecycle.IsAnswered || _earlyAnswer is not null;

    /// <inheritdoc />
    public override Task RejectAsync(RejectionReason reason, CancellationToken cancellationToken) => RejectAsync(reason, [], cancellationToken);

    /// <inheritdoc />
    public override async Task RejectAsync(RejectionReason reason, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        ThrowIfEnded(cancellationToken);
        if (Lifecycle.IsAnswered)
        {
            throw new InvalidOperationException("an answered call cannot be rejected; hang it up");
        }

        var (end, status) = reason == RejectionReason.Busy ? (CallEndReason.RejectedBusy, 486) : (CallEndReason.Rejected, 603);
        await EndAsync(end, () => _sip.RejectAsync(status, null, headers, CancellationToken.None));
    }

    /// <inheritdoc />
    protected override CallEndReason MapEnd(SipCallEndedEventArgs ended) => ended.Reason switch
    {
        SipCallEndReason.RemoteHangUp or SipCallEndReason.Cancelled => CallEndReason.CallerHungUp,
        SipCallEndReason.LocalHangUp => CallEndReason.EngineHungUp,
        _ => CallEndReason.Failed,
    };

    private async Task AnswerOnceAsync()
    {
        await _earlyGate.WaitAsync();
        _earlyGate.Release();
        var offer = _sip.Offer;
        string body;
        if (_earlyAnswer is { } early)
        {
            body = early;
        }
        else if (offer.IsEmpty)
        {
            body = Media.CreateOffer();
        }
        else
        {
            var exchange = Media.AnswerOffer(Encoding.UTF8.GetString(offer.Content.Span));
            if (!exchange.Succeeded)
            {
                // RFC 3261 21.4.26: no common ground in the offer.
                LogOfferRefused(Info.CallSid, exchange.Error!, 488);
                await EndAsync(CallEndReason.Failed, () => _sip.RejectAsync(488, null, null, CancellationToken.None));
                throw CallEnded();
            }

            body = exchange.Sdp!;
        }

        if (_earlyAnswer is null)
        {
            Media.Start();
        }

        if (!await _sip.AcceptAsync(SipBody.Sdp(Encoding.UTF8.GetBytes(body)), null, CancellationToken.None))
        {
            // The caller hung up first, or the ACK never came (the SIP layer then sent BYE).
            await EndAsync(MapEnd(await _sip.Completion));
            throw CallEnded();
        }

        if (offer.IsEmpty && !ApplyLateAnswer())
        {
            await EndAsync(CallEndReason.Failed, () => _sip.HangUpAsync(CancellationToken.None));
            throw CallEnded();
        }

        if (Lifecycle.MarkAnswered())
        {
            LogAnswered(Info.CallSid, Media.Negotiated?.Codec.EncodingName ?? "none");
        }
    }

    // A late offer's answer comes in the ACK (RFC 3261 13.2.1).
    private bool ApplyLateAnswer()
    {
        var answer = _sip.RemoteBody;
        var applied = answer.IsEmpty ? null : Media.ApplyAnswer(Encoding.UTF8.GetString(answer.Content.Span));
        if (applied is { Succeeded: true })
        {
            return true;
        }

        LogOfferRefused(Info.CallSid, applied?.Error ?? "the ACK carried no SDP answer", 0);
        return false;
    }
}
