using RcmlEngine.Sip.Dialogs;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.UserAgent;

internal sealed partial class SipOutgoingCall
{
    private async Task RunAsync(CancellationToken cancellationToken)
    {
        SipResponse final;
        try
        {
            final = await InviteAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            final = new SipResponse(487);
        }
#pragma warning disable CA1031 // Whatever goes wrong, the caller of Dial gets an outcome.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            final = new SipResponse(500, $"Server Internal Error ({ex.Message})");
        }

        _ringTimer?.Cancel();
        _provisionalOrFinal.TrySetResult();
        _outcome.TrySetResult(new SipCallOutcome(final));
        if (final.IsSuccess)
        {
            if (_cancelRequested)
            {
                // The answer crossed our CANCEL (RFC 3261 9.1): the call exists, so end it with BYE.
                await ByeAsync([], CancellationToken.None);
            }

            return;
        }

        End(final.StatusCode == 487 && _cancelRequested ? SipCallEndReason.LocalHangUp
            : final.StatusCode is 408 or 503 or 500 ? SipCallEndReason.Failed : SipCallEndReason.Rejected, final.StatusCode);
    }

    private async Task<SipResponse> InviteAsync(CancellationToken cancellationToken)
    {
        var target = _options.Target;
        if (_options.Transport is { } kind && target.Transport is null)
        {
            target = target.WithParameter("transport", kind == SipTransportKind.Tcp ? "tcp" : "udp");
        }

        long cseq = 1;
        for (var redirects = 0; ; redirects++)
        {
            var request = await BuildInviteAsync(target, cseq, cancellationToken);
            var response = await Stack.SendAsync(request, Credentials, Watch, n => cseq = n, cancellationToken, PinnedDestination);
            cseq++;
            if (response.IsSuccess)
            {
                await OnAnsweredAsync(response, cancellationToken);
                return response;
            }

            // A call pinned to a client's flow reaches that one UA only, so it does not follow redirects elsewhere.
            if (response.StatusCode is >= 300 and < 400 && _options.FollowRedirects && PinnedDestination is null && redirects < _options.MaxRedirects &&
                !_cancelRequested && RedirectTarget(response) is { } next)
            {
                // RFC 3261 8.1.3.4: try the Contact of the redirect as a new target, same Call-ID, From and To.
                target = next;
                continue;
            }

            return response;
        }
    }

    private void Watch(SipClientTransaction transaction)
    {
        var invite = (SipInviteClientTransaction)transaction;
        _invite = invite;
        invite.ProvisionalReceived = response => OnProvisional(invite, response);
        invite.AdditionalSuccess = OnSuccessRetransmission;
    }

    private void OnProvisional(SipInviteClientTransaction invite, SipResponse response)
    {
        _provisionalOrFinal.TrySetResult();
        if (response.StatusCode == 100)
        {
            // 100 Trying is hop-by-hop news: it allows a CANCEL but is not the callee's progress.
            return;
        }

        if (response.StatusCode > 100 && response.To?.Tag is not null)
        {
            lock (Sync)
            {
                if (Dialog is null)
                {
                    Dialog = SipDialog.ForUac(invite.Request, response);
                }
                else
                {
                    Dialog.Update(response);
                }

                if (State == SipCallState.Trying)
                {
                    State = SipCallState.Early;
                }
            }
        }

        if (!response.Body.IsEmpty)
        {
            RemoteBody = BodyOf(response);
        }

        _provisionalOrFinal.TrySetResult();
        var provisional = new SipProvisionalEventArgs(response);
        EventHandler<SipProvisionalEventArgs>? handlers;
        lock (_provisionalLock)
        {
            _lastProvisional = provisional;
            handlers = _provisional;
        }

        handlers?.Invoke(this, provisional);
    }

    private async Task OnAnsweredAsync(SipResponse response, CancellationToken cancellationToken)
    {
        var invite = _invite!;
        SipDialog dialog;
        lock (Sync)
        {
            dialog = Dialog is { } early && early.RemoteTag == response.To?.Tag ? early : SipDialog.ForUac(invite.Request, response);
            dialog.Update(response);
            dialog.State = SipDialogState.Confirmed;
            Dialog = dialog;
            State = SipCallState.Confirmed;
        }

        RemoteBody = BodyOf(response);
        _ack = await SendAckAsync(dialog, invite.Request, cancellationToken);
    }

    private async Task<SipRequest> BuildInviteAsync(SipUri target, long cseq, CancellationToken cancellationToken)
    {
        var proxy = _options.OutboundProxy ?? Stack.Options.OutboundProxy;
        var request = new SipRequest(SipMethods.Invite, target.WithoutHeaders());
        if (proxy is not null)
        {
            // RFC 3261 8.1.2: an outbound proxy is a pre-loaded loose route.
            request.Headers.Add(SipHeaderNames.Route, new SipNameAddress(proxy.Parameters.Contains("lr") ? proxy : proxy.WithParameter("lr", null)).ToString());
        }

        var destination = PinnedDestination ?? await Stack.ResolveAsync(proxy ?? target, cancellationToken);
        DialogFlow = destination.Transport == SipTransportKind.Tcp ? new SipRemote(SipTransportKind.Tcp, destination.EndPoint) : null;
        var (host, _) = Stack.Transport.LocalAddressFor(destination.Transport, destination.EndPoint);
        var from = _options.From ?? new SipNameAddress(SipUri.Create(Stack.Options.ContactUser, host));
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, from.WithTag(_localTag).ToString());
        request.Headers.Add(SipHeaderNames.To, (_options.To ?? new SipNameAddress(_options.Target.WithoutHeaders())).ToString());
        request.Headers.Add(SipHeaderNames.CallId, CallId);
        request.Headers.Add(SipHeaderNames.CSeq, new SipCSeq(cseq, SipMethods.Invite).ToString());
        request.Headers.Add(SipHeaderNames.Contact, Stack.ContactFor(destination.Transport, destination.EndPoint).ToString());
        request.Headers.Add(SipHeaderNames.Allow, SipMethods.Allowed);
        request.Headers.Add(SipHeaderNames.Supported, string.Join(", ", UasRequestCheck.SupportedExtensions));
        foreach (var (name, value) in _options.Headers)
        {
            request.Headers.Add(name, value);
        }

        SetBody(request, _options.Body);
        LocalBody = _options.Body;
        return request;
    }

    private static SipUri? RedirectTarget(SipResponse response) =>
        response.Contacts
            .Where(c => c.Uri.IsSip)
            .OrderByDescending(c => double.TryParse(c.Parameters["q"], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q) ? q : 1.0)
            .Select(c => c.Uri.WithoutHeaders())
            .FirstOrDefault();
}
