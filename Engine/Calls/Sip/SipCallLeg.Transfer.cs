using RcmlEngine.Calls.Dialing;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Calls.Sip;

/// <summary>Transfers asked for by the leg's phone (REFER, RFC 3515), and naming the leg's dialog (RFC 3891).</summary>
internal abstract partial class SipCallLeg : ITransferableCall
{
    private Func<CallTransferRequest, CancellationToken, Task>? _transferHandler;

    /// <inheritdoc />
    public Func<CallTransferRequest, CancellationToken, Task>? TransferHandler
    {
        get => _transferHandler;
        set
        {
            _transferHandler = value;
            _signalling.ReferHandler = value is null ? null : OnReferAsync;
        }
    }

    /// <inheritdoc />
    public bool HasDialog(CallDialogId dialog) =>
        _signalling.Dialog is { } sip && dialog.Names(sip.CallId, sip.LocalTag, sip.RemoteTag);

    private Task OnReferAsync(SipIncomingRefer refer, CancellationToken cancellationToken)
    {
        LogTransferAsked(Info.CallSid);
        return _transferHandler is { } handler ? handler(new SipCallTransferRequest(refer), cancellationToken) : Task.CompletedTask;
    }
}
