using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary><c>&lt;Leave&gt;</c>: not supported yet; reported and skipped (see <see cref="NotSupportedVerbs"/>).</summary>
internal sealed class LeaveExecutor(CallIssueReporter reporter) : IVerbExecutor<LeaveVerb>
{
    /// <inheritdoc />
    public Task<VerbOutcome> ExecuteAsync(LeaveVerb verb, CallSession session, CancellationToken cancellationToken) =>
        NotSupportedVerbs.SkipAsync(verb, session, reporter);
}
