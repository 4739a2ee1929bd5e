using System.Globalization;
using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;
using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.UserAgent;

internal sealed partial class SipStack
{
    /// <summary>RFC 3261 8.2 then 12.2.2: check the request, then route it to its dialog or start a call.</summary>
    private void OnRequest(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        if (request.To?.Tag is null && Admit(transaction) is { } refusal)
        {
            Respond(transaction, refusal);
            return;
        }

        if (UasRequestCheck.Check(request) is { } rejection)
        {
            if (_logger.IsEnabled(LogLevel.Information) && Transport.LogThrottle.ShouldLog(_logger, transaction.Source.EndPoint.Address))
            {
                var method = LogText.Escape(request.Method);
                var reason = LogText.Escape(rejection.ReasonPhrase);
                Log.RequestRejected(_logger, method, rejection.StatusCode, reason);
            }

            Respond(transaction, rejection);
            return;
        }

        if (request.To?.Tag is { } toTag)
        {
            if (_calls.TryGetValue(CallKey(request.CallId!, toTag), out var call))
            {
                call.OnInDialogRequest(transaction);
            }
            else
            {
                Respond(transaction, SipResponse.For(request, 481));
            }

            return;
        }

        switch (request.Method)
        {
            case SipMethods.Invite:
                OnInvite(transaction);
                break;
            case SipMethods.Options:
                Respond(transaction, OptionsResponse(request, NewTag()));
                break;
            case SipMethods.Register when RegisterHandler is { } handler:
                _ = RunRegisterAsync(handler, transaction);
                break;
            case SipMethods.Register:
                Respond(transaction, SipResponse.For(request, 501, toTag: NewTag()));
                break;
            default:
                // BYE, INFO, REFER, NOTIFY outside a dialog.
                Respond(transaction, SipResponse.For(request, 481, toTag: NewTag()));
                break;
        }
    }

    /// <summary>RFC 3891's header naming a dialog to replace.</summary>
    private const string ReplacesHeader = "Replaces";

    private void OnInvite(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        var invite = (SipInviteServerTransaction)transaction;
        var tag = NewTag();

        // RFC 3261 8.2.6.1: answer 100 at once so the caller stops retransmitting (no To tag on 100).
        transaction.SendResponse(SipResponse.For(request, 100));
        var source = AddressRanges.Normalize(transaction.Source.EndPoint.Address);
        if (MustAuthenticate(source))
        {
            if (_authFailures.IsExhausted(source))
            {
                Respond(transaction, SipResponse.For(request, 403, "Forbidden (too many failed attempts, try later)", tag));
                return;
            }

            var verdict = _digestServer!.Check(request, source, out _);
            if (verdict == DigestServer.Verdict.Rejected)
            {
                _authFailures.TryAcquire(source);
            }

            if (verdict != DigestServer.Verdict.Authorized)
            {
                if (_logger.IsEnabled(LogLevel.Information) && Transport.LogThrottle.ShouldLog(_logger, transaction.Source.EndPoint.Address))
                {
                    var callId = LogText.Escape(request.CallId);
                    Log.Challenged(_logger, callId, verdict);
                }

                Respond(transaction, _digestServer.Challenge(request, tag, source, verdict == DigestServer.Verdict.Stale));
                return;
            }
        }

        if (request.Headers[ReplacesHeader] is not null)
        {
            // RFC 3891 3: no dialog is taken over by INVITE here (a phone joining two of the engine's calls sends
            // REFER with Replaces, which the call layer handles); 481, as for a Replaces that matches nothing.
            Respond(transaction, SipResponse.For(request, 481, "Call/Transaction Does Not Exist (INVITE with Replaces is not supported)", tag));
            return;
        }

        IDisposable? admission = null;
        if (CallGate is { } gate && (admission = gate.TryEnter(out var reason, out var retryAfter)) is null)
        {
            // Overload (RFC 3261 21.5.4): refused before any work, so the calls already taken keep their quality.
            var refusal = SipResponse.For(request, 503, "Service Unavailable (" + reason + ")", tag);
            refusal.Headers.Add(SipHeaderNames.RetryAfter, retryAfter.ToString(CultureInfo.InvariantCulture));
            Respond(transaction, refusal);
            return;
        }

        var call = new SipIncomingCall(this, invite, tag) { Admission = admission };
        SipMetrics.Calls.Add(1, new KeyValuePair<string, object?>("direction", "inbound"));
        Track(call);
        _pendingInvites[transaction.Key] = call;

        // Never on the receive loop: the handler's synchronous start (routing, media ports, the first
        // webhook) would hold up every other message of this transport.
        _ = Task.Run(() => RunIncomingHandlerAsync(call));
    }

    private async Task RunIncomingHandlerAsync(SipIncomingCall call)
    {
        var handler = IncomingCallHandler;
        try
        {
            if (handler is not null)
            {
                await handler(call, call.CallCancelled);
            }
        }
#pragma warning disable CA1031 // A failing handler must still leave the caller with an answer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HandlerFailed(_logger, ex, LogText.Escape(call.CallId));
            call.RejectIfUnanswered(500);
            return;
        }

        call.RejectIfUnanswered(480);
    }

    private async Task RunRegisterAsync(Func<SipRequest, SipRemote, CancellationToken, Task<SipResponse>> handler, SipServerTransaction transaction)
    {
        try
        {
            Respond(transaction, await handler(transaction.Request, transaction.Source, CancellationToken.None));
        }
#pragma warning disable CA1031 // The registrar failing is answered 500, not left to time out.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HandlerFailed(_logger, ex, LogText.Escape(transaction.Request.CallId));
            Respond(transaction, SipResponse.For(transaction.Request, 500, toTag: NewTag()));
        }
    }

    /// <summary>RFC 3261 9.2: 200 for the CANCEL, 487 for the INVITE if it is still unanswered; 481 when nothing matches.</summary>
    private void OnCancel(SipServerTransaction cancel, SipInviteServerTransaction? invite)
    {
        if (invite is null || !_pendingInvites.TryGetValue(invite.Key, out var call))
        {
            Respond(cancel, SipResponse.For(cancel.Request, 481, toTag: NewTag()));
            return;
        }

        Respond(cancel, SipResponse.For(cancel.Request, 200, toTag: call.Dialog!.LocalTag));
        call.OnCancelled();
    }

    private void OnAck(SipRequest ack)
    {
        if (ack.To?.Tag is { } tag && _calls.TryGetValue(CallKey(ack.CallId!, tag), out var call))
        {
            call.OnAck(ack);
        }
    }

    private void OnStrayResponse(SipResponse response)
    {
        // A 2xx retransmission that outlived its transaction still needs its ACK (RFC 3261 13.2.2.4).
        if (response.IsSuccess && response.CSeq?.Method == SipMethods.Invite && response.From?.Tag is { } tag &&
            _calls.TryGetValue(CallKey(response.CallId!, tag), out var call) && call is SipOutgoingCall outgoing)
        {
            outgoing.OnSuccessRetransmission(response);
        }
    }

    internal static string CallKey(string callId, string localTag) => string.Concat(callId, "|", localTag);

    internal static SipResponse OptionsResponse(SipRequest request, string tag)
    {
        var response = SipResponse.For(request, 200, toTag: tag);
        response.Headers.Add(SipHeaderNames.Allow, SipMethods.Allowed);
        response.Headers.Add(SipHeaderNames.Accept, "application/sdp");
        response.Headers.Add(SipHeaderNames.Supported, string.Join(", ", UasRequestCheck.SupportedExtensions));
        return response;
    }

    internal void Respond(SipServerTransaction transaction, SipResponse response)
    {
        if (!response.Headers.Contains(SipHeaderNames.Server))
        {
            response.Headers.Add(SipHeaderNames.Server, Options.UserAgent);
        }

        transaction.SendResponse(response);
    }
}
