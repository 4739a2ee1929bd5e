using RcmlEngine.Calls;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// <c>&lt;Reject&gt;</c>: declines an unanswered call (SIP 486 for <c>busy</c>: status <c>busy</c>; 603 for
/// <c>rejected</c>: status <c>no-answer</c>), with its <c>&lt;Parameter&gt;</c> children as <c>X-</c> headers on
/// that response. After the answer it hangs up, as Twilio does.
/// </summary>
internal sealed class RejectExecutor(CallIssueReporter reporter) : IVerbExecutor<RejectVerb>
{
    /// <inheritdoc />
    public async Task<VerbOutcome> ExecuteAsync(RejectVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(session);
        if (!session.Call.Lifecycle.IsAnswered)
        {
            var reason = verb.Reason == RejectReason.Busy ? RejectionReason.Busy : RejectionReason.Declined;
            var headers = EndParameters.Headers(verb.ElementName, verb.Parameters, session, reporter);
            await session.Call.RejectAsync(reason, headers, cancellationToken);
        }

        return VerbOutcome.HangUp;
    }
}
