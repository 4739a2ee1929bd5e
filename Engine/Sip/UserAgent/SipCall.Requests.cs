using System.Globalization;
using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Dialogs;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.UserAgent;

internal abstract partial class SipCall
{
    private int _reInviteInProgress;

    /// <summary>Credentials for challenges to in-dialog requests.</summary>
    protected SipCredentials? Credentials { get; set; }

    /// <summary>Where every request of this call goes when set (<see cref="SipDialOptions.Destination"/>), whatever the remote target says.</summary>
    protected SipDestination? PinnedDestination { get; init; }

    /// <summary>Ends the call: BYE once answered (RFC 3261 15.1.1); before that, CANCEL or reject.</summary>
    public Task HangUpAsync(CancellationToken cancellationToken = default) => HangUpAsync([], cancellationToken);

    /// <summary>
    /// Ends the call as <see cref="HangUpAsync(CancellationToken)"/> does, with <paramref name="headers"/> on the
    /// BYE (or on the rejection before the answer; a CANCEL carries none, RFC 3261 9.1).
    /// </summary>
    public abstract Task HangUpAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a re-INVITE with a new offer (hold, resume) or the same one (session refresh, RFC 4028),
    /// ACKs a 2xx, and returns the final response. 491 when the peer is in a re-INVITE of its own.
    /// </summary>
    public async Task<SipResponse> ReInviteAsync(SipBody offer, CancellationToken cancellationToken = default)
    {
        var dialog = RequireConfirmed();
        if (Interlocked.CompareExchange(ref _reInviteInProgress, 1, 0) != 0)
        {
            throw new InvalidOperationException("a re-INVITE is already in progress on this call");
        }

        try
        {
            var request = dialog.CreateRequest(SipMethods.Invite);
            await AddContactAsync(request, cancellationToken);
            SetBody(request, offer);
            SipClientTransaction? current = null;
            var response = await Stack.SendAsync(request, Credentials, t => current = t, dialog.BumpLocalSeq, cancellationToken, await DialogDestinationAsync(request, cancellationToken));
            if (response.IsSuccess && current is SipInviteClientTransaction invite)
            {
                LocalBody = offer;
                RemoteBody = BodyOf(response);
                dialog.Update(response);
                var ack = await SendAckAsync(dialog, invite.Request, cancellationToken);
                invite.AdditionalSuccess = _ => Stack.Transactions.Send(ack.Target, ack.Bytes);
            }

            return response;
        }
        finally
        {
            Volatile.Write(ref _reInviteInProgress, 0);
        }
    }

    /// <summary>Sends INFO (e.g. <c>application/dtmf-relay</c>) and returns the final response.</summary>
    public Task<SipResponse> SendInfoAsync(SipBody body, CancellationToken cancellationToken = default) =>
        SendInDialogAsync(SipMethods.Info, body, [], cancellationToken);

    /// <summary>
    /// Sends REFER (RFC 3515) asking the peer to call <paramref name="target"/>, with Referred-By
    /// (RFC 3892) naming us. Progress arrives as <see cref="ReferProgress"/>. Returns the REFER's final response (202 when accepted).
    /// </summary>
    public Task<SipResponse> ReferAsync(SipUri target, CancellationToken cancellationToken = default)
    {
        var dialog = RequireConfirmed();
        var headers = new List<KeyValuePair<string, string>>
        {
            new(SipHeaderNames.ReferTo, new SipNameAddress(target).ToString()),
            new(SipHeaderNames.ReferredBy, new SipNameAddress(dialog.Local.Uri).ToString()),
        };
        return SendInDialogAsync(SipMethods.Refer, SipBody.None, headers, cancellationToken);
    }

    /// <summary>Sends any in-dialog request and returns its final response (credentials applied on 401/407).</summary>
    internal async Task<SipResponse> SendInDialogAsync(string method, SipBody body, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var dialog = Dialog ?? throw new InvalidOperationException("the call has no dialog yet");
        var request = dialog.CreateRequest(method);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        if (method is SipMethods.Refer or SipMethods.Notify)
        {
            await AddContactAsync(request, cancellationToken);
        }

        SetBody(request, body);
        return await Stack.SendAsync(request, Credentials, null, dialog.BumpLocalSeq, cancellationToken, await DialogDestinationAsync(request, cancellationToken));
    }

    /// <summary>Sends BYE and ends the call whatever the answer (RFC 3261 15.1.1).</summary>
    protected async Task ByeAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        if (Dialog is null || !End(SipCallEndReason.LocalHangUp, 200))
        {
            return;
        }

        await SendInDialogAsync(SipMethods.Bye, SipBody.None, headers, cancellationToken);
    }

    /// <summary>RFC 3261 13.2.2.4: the ACK for a 2xx, a request of its own with the INVITE's CSeq and credentials.</summary>
    protected async Task<(SipRemote Target, byte[] Bytes)> SendAckAsync(SipDialog dialog, SipRequest invite, CancellationToken cancellationToken)
    {
        var ack = dialog.CreateRequest(SipMethods.Ack, invite.CSeq!.Value.Number);
        foreach (var name in new[] { SipHeaderNames.Authorization, SipHeaderNames.ProxyAuthorization })
        {
            if (invite.Headers[name] is { } value)
            {
                ack.Headers.Add(name, value);
            }
        }

        var destination = await NextHopAsync(ack, cancellationToken);
        ack.Headers.AddFirst(SipHeaderNames.Via, new SipVia("UDP", "0.0.0.0", null, new SipParameters().Set("branch", SipTransactionKey.NewBranch())).ToString());
        var prepared = Stack.Transport.PrepareRequest(ack, destination);
        Stack.Transactions.Send(prepared.Target, prepared.Bytes);
        return prepared;
    }

    protected async Task AddContactAsync(SipRequest request, CancellationToken cancellationToken)
    {
        var destination = await NextHopAsync(request, cancellationToken);
        request.Headers.Set(SipHeaderNames.Contact, Stack.ContactFor(destination.Transport, destination.EndPoint).ToString());
    }

    /// <summary>
    /// The TCP connection the dialog was set up on (an incoming INVITE's, or the one an outgoing INVITE
    /// went out on); null over UDP.
    /// </summary>
    protected SipRemote? DialogFlow { get; set; }

    /// <summary>Where an in-dialog request goes: <see cref="DialogDestinationAsync"/>, else its next hop resolved (RFC 3263).</summary>
    protected async Task<SipDestination> NextHopAsync(SipRequest request, CancellationToken cancellationToken) =>
        await DialogDestinationAsync(request, cancellationToken) ?? await Stack.ResolveAsync(SipDialog.NextHop(request), cancellationToken);

    /// <summary>
    /// Where an in-dialog request must go whatever its URI resolves to, or null to resolve it: the pinned
    /// destination; or, for a dialog set up over TCP whose next hop names no transport, TCP as its peer
    /// expects (it may listen on no UDP port at all): over the dialog's own connection while it is open
    /// (RFC 5626 thinking), else over a new TCP connection to the next hop.
    /// </summary>
    protected async Task<SipDestination?> DialogDestinationAsync(SipRequest request, CancellationToken cancellationToken)
    {
        if (PinnedDestination is { } pinned)
        {
            return pinned;
        }

        var hop = SipDialog.NextHop(request);
        if (DialogFlow is not { Transport: SipTransportKind.Tcp } flow || hop.Transport is not null || hop.IsSecure)
        {
            return null;
        }

        if (Stack.Transport.IsOpen(flow))
        {
            return new SipDestination(SipTransportKind.Tcp, flow.EndPoint, TransportExplicit: true);
        }

        var resolved = await Stack.ResolveAsync(hop, cancellationToken);
        return resolved.Transport == SipTransportKind.Udp ? resolved with { Transport = SipTransportKind.Tcp, TransportExplicit = true } : resolved;
    }

    private SipDialog RequireConfirmed() =>
        Dialog is { State: SipDialogState.Confirmed } dialog && State == SipCallState.Confirmed
            ? dialog
            : throw new InvalidOperationException($"call {CallId} is not answered");

    internal static string SipFrag(int statusCode, string? reason) =>
        $"SIP/2.0 {statusCode.ToString(CultureInfo.InvariantCulture)} {reason ?? SipStatus.ReasonPhrase(statusCode)}\r\n";
}
