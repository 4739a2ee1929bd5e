namespace RcmlEngine.Calls.Dialing;

/// <summary>A bridgeable call whose phone can ask to transfer it (SIP REFER), and whose dialog can be named.</summary>
internal interface ITransferableCall : IBridgeableCall
{
    /// <summary>
    /// Decides on a transfer request from the phone; null declines every request (SIP: 603). Runs on a
    /// signalling thread up to its first await: keep the synchronous part short. A request the handler
    /// leaves unanswered is declined when it returns.
    /// </summary>
    Func<CallTransferRequest, CancellationToken, Task>? TransferHandler { get; set; }

    /// <summary>True when <paramref name="dialog"/> names this call's dialog (RFC 3891 matching).</summary>
    bool HasDialog(CallDialogId dialog);
}
