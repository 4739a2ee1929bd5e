using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;

namespace RcmlEngine.Sip.UserAgent;

internal abstract partial class SipCall
{
    /// <summary>A request inside this call's dialog (RFC 3261 12.2.2).</summary>
    internal void OnInDialogRequest(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        var dialog = Dialog;
        if (dialog is null || State == SipCallState.Ended)
        {
            Stack.Respond(transaction, SipResponse.For(request, 481));
            return;
        }

        if (!dialog.AcceptRemoteSeq(request))
        {
            Stack.Respond(transaction, SipResponse.For(request, 500, "Server Internal Error (CSeq out of order)"));
            return;
        }

        switch (request.Method)
        {
            case SipMethods.Bye:
                Stack.Respond(transaction, SipResponse.For(request, 200));
                OnByeReceived();
                break;
            case SipMethods.Invite:
                _ = OnReInviteAsync(transaction);
                break;
            case SipMethods.Info:
                Stack.Respond(transaction, SipResponse.For(request, 200));
                var body = BodyOf(request);
                var (digit, duration) = DtmfRelay.Read(body);
                RaiseInfo(new SipInfoEventArgs(body, digit, duration));
                break;
            case SipMethods.Notify:
                OnNotify(transaction);
                break;
            case SipMethods.Refer:
                _ = OnReferAsync(transaction);
                break;
            case SipMethods.Options:
                Stack.Respond(transaction, SipStack.OptionsResponse(request, dialog.LocalTag));
                break;
            default:
                Stack.Respond(transaction, SipResponse.For(request, 405));
                break;
        }
    }

    /// <summary>The peer hung up.</summary>
    protected virtual void OnByeReceived() => End(SipCallEndReason.RemoteHangUp, 200);

    private async Task OnReInviteAsync(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        if (Dialog?.State != Dialogs.SipDialogState.Confirmed || State == SipCallState.Ended || Interlocked.CompareExchange(ref _reInviteInProgress, 1, 0) != 0)
        {
            // RFC 3261 14.2: a re-INVITE while another is pending is answered 491 (or 500 before the first is done).
            Stack.Respond(transaction, SipResponse.For(request, 491));
            return;
        }

        try
        {
            Dialog!.RefreshTarget(request);
            var offer = BodyOf(request);
            SipBody? answer = null;
            if (ReInviteHandler is { } handler)
            {
                answer = await handler(offer, CallCancelled);
            }

            var body = answer ?? LocalBody;
            var response = SipResponse.For(request, 200);
            response.Headers.Add(SipHeaderNames.Contact, Stack.ContactFor(transaction.Source.Transport, transaction.Source.EndPoint).ToString());
            SetBody(response, body);
            RemoteBody = offer.IsEmpty ? RemoteBody : offer;
            LocalBody = body;
            await SendSuccessUntilAckAsync(transaction, response);
        }
#pragma warning disable CA1031 // The handler failing must still answer the re-INVITE.
        catch (Exception)
#pragma warning restore CA1031
        {
            Stack.Respond(transaction, SipResponse.For(request, 500));
        }
        finally
        {
            Volatile.Write(ref _reInviteInProgress, 0);
        }
    }

    private async Task OnReferAsync(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        var referTo = request.Headers[SipHeaderNames.ReferTo] is { } value && SipNameAddress.TryParse(value, out var address, out _) ? address : null;
        if (referTo is null || request.Headers.CountOf(SipHeaderNames.ReferTo) != 1)
        {
            // RFC 3515 2.4.1: exactly one Refer-To.
            Stack.Respond(transaction, SipResponse.For(request, 400, "Bad Request (Refer-To)"));
            return;
        }

        var handler = ReferHandler;
        if (handler is null)
        {
            Stack.Respond(transaction, SipResponse.For(request, 603));
            return;
        }

        var refer = new SipIncomingRefer(this, transaction, referTo);
        try
        {
            await handler(refer, CallCancelled);
        }
#pragma warning disable CA1031 // A failing handler still owes the peer an answer.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        refer.RejectIfUnanswered(603);
    }
}
