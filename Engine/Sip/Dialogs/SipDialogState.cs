namespace RcmlEngine.Sip.Dialogs;

/// <summary>RFC 3261 12: a dialog is early (after a 1xx with a To tag), confirmed (after a 2xx), or over.</summary>
internal enum SipDialogState
{
    Early,
    Confirmed,
    Terminated,
}
