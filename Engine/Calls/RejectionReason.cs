namespace RcmlEngine.Calls;

/// <summary>How an unanswered call is declined.</summary>
internal enum RejectionReason
{
    /// <summary>Declined: SIP <c>603 Decline</c>; the call ends <c>no-answer</c>.</summary>
    Declined,

    /// <summary>Busy: SIP <c>486 Busy Here</c>; the call ends <c>busy</c>.</summary>
    Busy,
}
