using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// <c>&lt;Leave&gt;</c> outside a queue's wait document: there is no queue to leave; reported (a warning) and
/// skipped. In a wait document, the queue's document runner takes the caller out (see
/// <see cref="Queueing.QueueDocuments"/>), and the caller goes on after its <c>&lt;Enqueue&gt;</c>.
/// </summary>
internal sealed class LeaveExecutor(CallIssueReporter reporter) : IVerbExecutor<LeaveVerb>
{
    /// <inheritdoc />
    public Task<VerbOutcome> ExecuteAsync(LeaveVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.WaitVerbNotAllowed,
            $"<Leave> at {verb.Span} runs only in an <Enqueue>'s waitUrl document; here it was skipped"));
        return Task.FromResult(VerbOutcome.Continue);
    }
}
