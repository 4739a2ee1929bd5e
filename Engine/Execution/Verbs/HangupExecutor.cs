using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// <c>&lt;Hangup&gt;</c>: ends the call. The interpreter answers an unanswered call before hanging up, as
/// Twilio does (only <c>&lt;Reject&gt;</c> leaves a call unanswered).
/// </summary>
internal sealed class HangupExecutor : IVerbExecutor<HangupVerb>
{
    /// <inheritdoc />
    public Task<VerbOutcome> ExecuteAsync(HangupVerb verb, CallSession session, CancellationToken cancellationToken) =>
        Task.FromResult(VerbOutcome.HangUp);
}
