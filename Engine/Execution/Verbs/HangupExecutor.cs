using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// <c>&lt;Hangup&gt;</c>: ends the call. The interpreter answers an unanswered call before hanging up, as
/// Twilio does (only <c>&lt;Reject&gt;</c> leaves a call unanswered). With <c>&lt;Parameter&gt;</c> children the
/// call is answered and hung up here, so that their <c>X-</c> headers go on the BYE.
/// </summary>
internal sealed class HangupExecutor(CallIssueReporter reporter) : IVerbExecutor<HangupVerb>
{
    /// <inheritdoc />
    public async Task<VerbOutcome> ExecuteAsync(HangupVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(session);
        var headers = EndParameters.Headers(verb.ElementName, verb.Parameters, session, reporter);
        if (headers.Count > 0 && !session.Call.Lifecycle.IsEnded)
        {
            await session.Call.AnswerAsync(cancellationToken);
            await session.Call.HangUpAsync(headers, CancellationToken.None);
        }

        return VerbOutcome.HangUp;
    }
}
