using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.Transactions;

/// <summary>The transaction user (RFC 3261 17): the user agent core above the transaction layer.</summary>
internal interface ISipTransactionUser
{
    /// <summary>A new request (not a retransmission) with its server transaction, CANCEL and ACK excepted.</summary>
    void OnRequest(SipServerTransaction transaction);

    /// <summary>
    /// A CANCEL (RFC 3261 9.2) with its own server transaction and the INVITE transaction it
    /// matches, or null when none does (the UAS answers 481).
    /// </summary>
    void OnCancel(SipServerTransaction cancel, SipInviteServerTransaction? invite);

    /// <summary>An ACK that matches no server transaction: the ACK for a 2xx (RFC 3261 13.3.1.4, 17.2.3).</summary>
    void OnAck(SipRequest ack, SipRemote source);

    /// <summary>A response that matches no client transaction, e.g. a late 2xx retransmission the UAC must still ACK.</summary>
    void OnStrayResponse(SipResponse response, SipRemote source);
}
