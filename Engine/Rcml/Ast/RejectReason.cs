namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Reject reason&gt;</c>: which signal the caller gets.</summary>
internal enum RejectReason
{
    /// <summary><c>rejected</c>: the call is declined (SIP 603), the default.</summary>
    Rejected,

    /// <summary><c>busy</c>: a busy signal (SIP 486).</summary>
    Busy,
}
