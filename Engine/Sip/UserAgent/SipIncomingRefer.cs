using System.Globalization;
using System.Text;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;

namespace RcmlEngine.Sip.UserAgent;

/// <summary>
/// A REFER from the peer (RFC 3515): accept it (202 and a first NOTIFY of 100 Trying) or reject it,
/// then report how the referred call went with <see cref="NotifyAsync"/>. The NOTIFYs carry
/// <c>Event: refer;id=</c> the REFER's CSeq (RFC 3515 2.4.6, so a second REFER in the dialog has a
/// subscription of its own); a REFER with <c>Refer-Sub: false</c> (RFC 4488) is accepted without any NOTIFY.
/// </summary>
internal sealed class SipIncomingRefer
{
    private readonly SipCall _call;
    private readonly SipServerTransaction _transaction;
    private readonly bool _noSubscription;
    private int _answered;
    private int _terminated;

    internal SipIncomingRefer(SipCall call, SipServerTransaction transaction, SipNameAddress referTo)
    {
        _call = call;
        _transaction = transaction;
        ReferTo = referTo;
        var headers = transaction.Request.Headers;
        ReferToValue = headers[SipHeaderNames.ReferTo]?.Trim() ?? referTo.ToString();
        ReferredBy = headers[SipHeaderNames.ReferredBy] is { } by && SipNameAddress.TryParse(by, out var address, out _) ? address : null;
        _noSubscription = string.Equals(headers[ReferSubHeader]?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>RFC 4488's header: <c>false</c> asks for no implicit subscription.</summary>
    internal const string ReferSubHeader = "Refer-Sub";

    /// <summary>Whom to call.</summary>
    public SipNameAddress ReferTo { get; }

    /// <summary>The Refer-To header's value as received (<c>&lt;sip:bob@example.com&gt;</c>), trimmed.</summary>
    public string ReferToValue { get; }

    /// <summary>Who asked (RFC 3892), or null.</summary>
    public SipNameAddress? ReferredBy { get; }

    /// <summary>All headers of the REFER.</summary>
    public IReadOnlyList<SipHeader> Headers => _transaction.Request.Headers.All;

    /// <summary>True once a final NOTIFY was sent (or none will be sent, RFC 4488).</summary>
    public bool IsTerminated => Volatile.Read(ref _terminated) != 0;

    /// <summary>Answers 202 and sends the first NOTIFY (100 Trying), as RFC 3515 2.4.4 requires.</summary>
    public async Task AcceptAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _answered, 1) != 0)
        {
            return;
        }

        var accepted = SipResponse.For(_transaction.Request, 202);
        if (_noSubscription)
        {
            accepted.Headers.Add(ReferSubHeader, "false");
            Volatile.Write(ref _terminated, 1);
        }

        _call.Stack.Respond(_transaction, accepted);
        if (!_noSubscription)
        {
            await NotifyAsync(100, null, cancellationToken);
        }
    }

    /// <summary>Answers with a failure status (e.g. 603 Decline); a status below 300 is taken as 603.</summary>
    public void Reject(int statusCode)
    {
        if (Interlocked.Exchange(ref _answered, 1) == 0)
        {
            _call.Stack.Respond(_transaction, SipResponse.For(_transaction.Request, statusCode >= 300 ? statusCode : 603));
        }
    }

    /// <summary>
    /// Sends a NOTIFY with a message/sipfrag body carrying <paramref name="statusCode"/>; a final
    /// status (200 or more) ends the implicit subscription; once it has ended (or with <c>Refer-Sub: false</c>)
    /// the task fails with <see cref="InvalidOperationException"/> and nothing is sent.
    /// </summary>
    public Task<SipResponse> NotifyAsync(int statusCode, string? reasonPhrase = null, CancellationToken cancellationToken = default)
    {
        var final = statusCode >= 200;
        if (final ? Interlocked.Exchange(ref _terminated, 1) != 0 : IsTerminated)
        {
            return Task.FromException<SipResponse>(new InvalidOperationException("the REFER's subscription has ended; no more NOTIFY"));
        }

        var id = _transaction.Request.CSeq?.Number.ToString(CultureInfo.InvariantCulture);
        var headers = new List<KeyValuePair<string, string>>
        {
            new(SipHeaderNames.Event, id is null ? "refer" : "refer;id=" + id),
            new(SipHeaderNames.SubscriptionState, final ? "terminated;reason=noresource" : "active;expires=60"),
        };
        var body = new SipBody(Encoding.UTF8.GetBytes(SipCall.SipFrag(statusCode, reasonPhrase)), "message/sipfrag;version=2.0");
        return _call.SendInDialogAsync(SipMethods.Notify, body, headers, cancellationToken);
    }

    internal void RejectIfUnanswered(int statusCode) => Reject(statusCode);
}
