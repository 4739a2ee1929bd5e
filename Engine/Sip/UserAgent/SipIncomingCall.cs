using RcmlEngine.Sip.Dialogs;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.UserAgent;

/// <summary>
/// A call someone placed to us. Ring it (<see cref="SendProvisionalAsync"/>), then answer
/// (<see cref="AcceptAsync"/>) or refuse (<see cref="RejectAsync"/>). A CANCEL from the caller ends
/// it with <see cref="SipCallEndReason.Cancelled"/> and is answered 487 by itself.
/// </summary>
internal sealed class SipIncomingCall : SipCall
{
    private readonly SipInviteServerTransaction _invite;
    private bool _finalSent;

    internal SipIncomingCall(SipStack stack, SipInviteServerTransaction invite, string localTag)
        : base(stack, invite.Request.CallId!, localTag)
    {
        _invite = invite;
        Dialog = SipDialog.ForUas(invite.Request, localTag);
        RemoteBody = BodyOf(invite.Request);
        DialogFlow = invite.Source.Transport == SipTransportKind.Tcp ? invite.Source : null;
    }

    /// <summary>The INVITE as received (all headers, including X- and User-to-User).</summary>
    public SipRequest Invite => _invite.Request;

    public SipNameAddress From => Invite.From!;

    public SipNameAddress To => Invite.To!;

    public SipUri RequestUri => Invite.Uri;

    /// <summary>The offer, or <see cref="SipBody.None"/> for a late-offer INVITE.</summary>
    public SipBody Offer => BodyOf(Invite);

    /// <summary>Where the INVITE came from.</summary>
    public SipRemote Source => _invite.Source;

    /// <summary>Sends 180 Ringing or 183 Session Progress (with an early-media body), creating the early dialog.</summary>
    public Task SendProvisionalAsync(int statusCode = 180, SipBody? body = null, CancellationToken cancellationToken = default)
    {
        if (statusCode is < 101 or > 199)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "a provisional status is 101 to 199");
        }

        lock (Sync)
        {
            if (_finalSent || State == SipCallState.Ended)
            {
                return Task.CompletedTask;
            }

            State = SipCallState.Early;
        }

        var response = Build(statusCode, null);
        if (body is { IsEmpty: false } b)
        {
            SetBody(response, b);
            LocalBody = b;
        }

        Stack.Respond(_invite, response);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Answers 200 with <paramref name="answer"/> and retransmits it until the ACK (RFC 3261 13.3.1.4).
    /// True once the ACK arrived; false when the call was already over or the ACK never came (then BYE is sent).
    /// </summary>
    public async Task<bool> AcceptAsync(SipBody answer, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default)
    {
        lock (Sync)
        {
            if (_finalSent || State == SipCallState.Ended)
            {
                return false;
            }

            _finalSent = true;
        }

        Stack.ForgetPendingInvite(_invite.Key);
        var response = Build(200, headers);
        response.Headers.Add(SipHeaderNames.Allow, SipMethods.Allowed);
        response.Headers.Add(SipHeaderNames.Supported, string.Join(", ", UasRequestCheck.SupportedExtensions));
        SetBody(response, answer);
        LocalBody = answer;
        Dialog!.State = SipDialogState.Confirmed;
        var ackWait = SendSuccessUntilAckAsync(_invite, response);
        bool acked;
        try
        {
            acked = await ackWait.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (ackWait.IsCompletedSuccessfully)
        {
            // The ACK came and a BYE right after it ended the call (and its token) first.
            acked = ackWait.Result;
        }

        if (acked)
        {
            lock (Sync)
            {
                if (State != SipCallState.Ended)
                {
                    State = SipCallState.Confirmed;
                }
            }

            // Answered and acknowledged, even if a BYE has already followed.
            return true;
        }

        if (State != SipCallState.Ended)
        {
            // RFC 3261 13.3.1.4: no ACK within 64*T1 ends the dialog with a BYE.
            State = SipCallState.Confirmed;
            End(SipCallEndReason.AckTimeout, 408);
            _ = SendInDialogAsync(SipMethods.Bye, SipBody.None, [], CancellationToken.None);
        }

        return false;
    }

    /// <summary>Refuses the call with a final status (4xx-6xx; 3xx with a Contact header to redirect).</summary>
    public Task RejectAsync(int statusCode, string? reasonPhrase = null, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default)
    {
        if (statusCode is < 300 or > 699)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "a rejection is 300 to 699");
        }

        lock (Sync)
        {
            if (_finalSent)
            {
                return Task.CompletedTask;
            }

            _finalSent = true;
        }

        Stack.ForgetPendingInvite(_invite.Key);
        var response = SipResponse.For(Invite, statusCode, reasonPhrase, Dialog!.LocalTag);
        foreach (var (name, value) in headers ?? [])
        {
            response.Headers.Add(name, value);
        }

        Stack.Respond(_invite, response);
        End(SipCallEndReason.Rejected, statusCode);
        return Task.CompletedTask;
    }

    /// <summary>Before answer: rejects with 480; after: BYE.</summary>
    public override Task HangUpAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken = default)
    {
        lock (Sync)
        {
            if (!_finalSent)
            {
                return RejectAsync(480, null, headers, cancellationToken);
            }
        }

        return ByeAsync(headers, cancellationToken);
    }

    internal void RejectIfUnanswered(int statusCode)
    {
        if (!_finalSent)
        {
            _ = RejectAsync(statusCode);
        }
    }

    /// <summary>RFC 3261 9.2: the caller cancelled; the INVITE gets 487 unless it was already answered.</summary>
    internal void OnCancelled()
    {
        lock (Sync)
        {
            if (_finalSent)
            {
                return;
            }

            _finalSent = true;
        }

        Stack.ForgetPendingInvite(_invite.Key);
        Stack.Respond(_invite, SipResponse.For(Invite, 487, toTag: Dialog!.LocalTag));
        End(SipCallEndReason.Cancelled, 487);
    }

    protected override void OnByeReceived()
    {
        lock (Sync)
        {
            if (!_finalSent)
            {
                _finalSent = true;
                Stack.Respond(_invite, SipResponse.For(Invite, 487, toTag: Dialog!.LocalTag));
            }
        }

        base.OnByeReceived();
    }

    private SipResponse Build(int statusCode, IEnumerable<KeyValuePair<string, string>>? headers)
    {
        var response = SipResponse.For(Invite, statusCode, toTag: Dialog!.LocalTag);
        foreach (var route in Invite.Headers.GetValues(SipHeaderNames.RecordRoute))
        {
            // RFC 3261 12.1.1: Record-Route is copied into responses that create a dialog.
            response.Headers.Add(SipHeaderNames.RecordRoute, route);
        }

        response.Headers.Add(SipHeaderNames.Contact, Stack.ContactFor(Source.Transport, Source.EndPoint).ToString());
        foreach (var (name, value) in headers ?? [])
        {
            response.Headers.Add(name, value);
        }

        return response;
    }
}
