using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Transactions;

/// <summary>How messages are matched to transactions (RFC 3261 17.1.3 and 17.2.3).</summary>
internal static class SipTransactionKey
{
    /// <summary>
    /// Server key: branch, sent-by and method, with ACK matching its INVITE. A branch without the
    /// magic cookie is an RFC 2543 peer: match on Request-URI, From tag, Call-ID, CSeq number and
    /// the top Via instead (RFC 3261 17.2.3, RFC 4475 3.2.1).
    /// </summary>
    public static string? ForServer(SipRequest request, string? methodOverride = null)
    {
        var via = request.TopVia;
        var cseq = request.CSeq;
        if (via is null || cseq is null)
        {
            return null;
        }

        var method = methodOverride ?? (request.Method == SipMethods.Ack ? SipMethods.Invite : request.Method);
        var branch = via.Branch;
        if (branch is not null && branch.Length > SipVia.MagicCookie.Length && branch.StartsWith(SipVia.MagicCookie, StringComparison.Ordinal))
        {
            return string.Concat(branch, "|", via.SentBy, "|", method);
        }

        return string.Join('|', "2543", request.Uri.ToString(), request.From?.Tag, request.CallId, cseq.Value.Number, via.SentBy, branch, method);
    }

    /// <summary>Client key: the branch of the top Via and the CSeq method (RFC 3261 17.1.3).</summary>
    public static string? ForClient(SipMessage message)
    {
        var branch = message.TopVia?.Branch;
        var method = message.CSeq?.Method;
        return branch is null || method is null ? null : string.Concat(branch, "|", method);
    }

    /// <summary>A new branch: the RFC 3261 8.1.1.7 magic cookie and 64 random bits.</summary>
    public static string NewBranch() => SipVia.MagicCookie + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
}
