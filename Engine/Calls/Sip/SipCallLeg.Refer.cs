using System.Threading.Channels;
using RcmlEngine.Calls.Transfers;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Calls.Sip;

/// <summary>
/// A blind transfer of this leg (RFC 3515): REFER with Refer-To (the target's passable headers as Refer-To
/// URI headers) and Referred-By (RFC 3892), then the sipfrag NOTIFYs of the call the far end places.
/// </summary>
internal abstract partial class SipCallLeg : IReferableCall
{
    /// <inheritdoc />
    public async Task<ReferResult> ReferAsync(ReferRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowIfEnded(cancellationToken);
        if (!Lifecycle.IsAnswered)
        {
            throw new InvalidOperationException("a REFER needs an answered call; answer it first");
        }

        var (target, headers) = ReferTarget(request.Target);

        // Subscribed before the REFER goes out: a NOTIFY may overtake the 202 (RFC 3515 2.4.4).
        var progress = Channel.CreateUnbounded<SipReferProgressEventArgs>(new UnboundedChannelOptions { SingleReader = true });
        void OnProgress(object? sender, SipReferProgressEventArgs e) => progress.Writer.TryWrite(e);
        _signalling.ReferProgress += OnProgress;
        try
        {
            using var operation = Link(cancellationToken);
            SipResponse response;
            try
            {
                response = await _signalling.ReferAsync(target, headers, operation.Token);
            }
            catch (OperationCanceledException) when (Lifecycle.IsEnded)
            {
                // The caller's token may be the call's own: a call that ended is a result, not a cancellation.
                return new ReferResult(ReferCallStatus.Canceled, 0, null);
            }
            catch (InvalidOperationException) when (Lifecycle.IsEnded)
            {
                return new ReferResult(ReferCallStatus.Canceled, 0, null);
            }

            LogReferAnswered(Info.CallSid, response.StatusCode);
            if (!response.IsSuccess)
            {
                return new ReferResult(ReferCallStatus.Failed, response.StatusCode, null);
            }

            if (string.Equals(response.Headers[SipCall.ReferSubHeader]?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
            {
                // RFC 4488: no subscription, so no NOTIFY will tell more; the far end took the call over.
                return new ReferResult(ReferCallStatus.InProgress, response.StatusCode, null);
            }

            return await FollowReferAsync(progress.Reader, response.StatusCode, request.NotifyTimeout, cancellationToken);
        }
        finally
        {
            _signalling.ReferProgress -= OnProgress;
        }
    }

    private async Task<ReferResult> FollowReferAsync(ChannelReader<SipReferProgressEventArgs> progress, int referCode, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Lifecycle.Ended, deadline.Token);
        int? last = null;
        try
        {
            while (true)
            {
                if (Take(await progress.ReadAsync(waiting.Token), ref last) is { } status)
                {
                    return Ended(status, referCode, last);
                }
            }
        }
        catch (OperationCanceledException) when (Lifecycle.IsEnded || (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            // The phone often hangs up right after its final NOTIFY: what arrived before the BYE still counts.
            while (progress.TryRead(out var e))
            {
                if (Take(e, ref last) is { } status)
                {
                    return Ended(status, referCode, last);
                }
            }

            return Ended(Lifecycle.IsEnded ? ReferCallStatus.Canceled : ReferCallStatus.NoAnswer, referCode, last);
        }
    }

    // Notes a NOTIFY's code; the transfer's status once it is final (a subscription ended without a final code: failed).
    private static ReferCallStatus? Take(SipReferProgressEventArgs e, ref int? last)
    {
        if (e.StatusCode > 0)
        {
            last = e.StatusCode;
        }

        return !e.IsFinal ? null : last is >= 200 ? ReferResult.StatusOf(last.Value) : ReferCallStatus.Failed;
    }

    private ReferResult Ended(ReferCallStatus status, int referCode, int? last)
    {
        LogReferEnded(Info.CallSid, status, last ?? 0);
        return new ReferResult(status, referCode, last);
    }

    // The URI to refer to and the headers it may carry (the same ones a Dial passes on its INVITE).
    private static (SipUri Target, List<KeyValuePair<string, string>> Headers) ReferTarget(string text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (!SipUri.TryParse(trimmed, out var uri, out var error))
        {
            throw new ArgumentException($"'{text}' is not a SIP URI: {error}", nameof(text));
        }

        if (!uri.IsSip)
        {
            throw new ArgumentException($"'{text}' is not a sip: or sips: URI", nameof(text));
        }

        return (uri.WithoutHeaders(), SipDialTarget.HeadersOf(uri.Headers ?? string.Empty));
    }
}
