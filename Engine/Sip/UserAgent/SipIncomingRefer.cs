using System.Text;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;

namespace RcmlEngine.Sip.UserAgent;

/// <summary>
/// A REFER from the peer (RFC 3515): accept it (202 and a first NOTIFY of 100 Trying) or reject it,
/// then report how the referred call went with <see cref="NotifyAsync"/>.
/// </summary>
internal sealed class SipIncomingRefer
{
    private readonly SipCall _call;
    private readonly SipServerTransaction _transaction;
    private int _answered;

    internal SipIncomingRefer(SipCall call, SipServerTransaction transaction, SipNameAddress referTo)
    {
        _call = call;
        _transaction = transaction;
        ReferTo = referTo;
        ReferredBy = transaction.Request.Headers[SipHeaderNames.ReferredBy] is { } by && SipNameAddress.TryParse(by, out var address, out _) ? address : null;
    }

    /// <summary>Whom to call.</summary>
    public SipNameAddress ReferTo { get; }

    /// <summary>Who asked (RFC 3892), or null.</summary>
    public SipNameAddress? ReferredBy { get; }

    /// <summary>All headers of the REFER.</summary>
    public IReadOnlyList<SipHeader> Headers => _transaction.Request.Headers.All;

    /// <summary>Answers 202 and sends the first NOTIFY (100 Trying), as RFC 3515 2.4.4 requires.</summary>
    public async Task AcceptAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _answered, 1) != 0)
        {
            return;
        }

        _call.Stack.Respond(_transaction, SipResponse.For(_transaction.Request, 202));
        await NotifyAsync(100, null, cancellationToken);
    }

    /// <summary>Answers with a failure status (e.g. 603 Decline).</summary>
    public void Reject(int statusCode)
    {
        if (Interlocked.Exchange(ref _answered, 1) == 0)
        {
            _call.Stack.Respond(_transaction, SipResponse.For(_transaction.Request, statusCode));
        }
    }

    /// <summary>
    /// Sends a NOTIFY with a message/sipfrag body carrying <paramref name="statusCode"/>; a final
    /// status (200 or more) ends the implicit subscription.
    /// </summary>
    public Task<SipResponse> NotifyAsync(int statusCode, string? reasonPhrase = null, CancellationToken cancellationToken = default)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new(SipHeaderNames.Event, "refer"),
            new(SipHeaderNames.SubscriptionState, statusCode >= 200 ? "terminated;reason=noresource" : "active;expires=60"),
        };
        var body = new SipBody(Encoding.UTF8.GetBytes(SipCall.SipFrag(statusCode, reasonPhrase)), "message/sipfrag;version=2.0");
        return _call.SendInDialogAsync(SipMethods.Notify, body, headers, cancellationToken);
    }

    internal void RejectIfUnanswered(int statusCode) => Reject(statusCode);
}
