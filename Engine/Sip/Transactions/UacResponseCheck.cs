using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Transactions;

/// <summary>Checks a UAC makes on a response before handing it to a transaction.</summary>
internal static class UacResponseCheck
{
    /// <summary>
    /// RFC 3261 8.1.3.3: a response with more than one Via is discarded (it was misrouted; RFC 4475
    /// 3.3.10 sends one with a broadcast address). Returns the reason, or null to accept it.
    /// </summary>
    public static string? DropReason(SipResponse response) =>
        response.Vias.Count switch
        {
            0 => "no Via",
            1 => response.CSeq is null || response.CallId is null ? "no CSeq or Call-ID" : null,
            _ => "more than one Via (RFC 3261 8.1.3.3)",
        };
}
