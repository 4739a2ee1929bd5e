using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary><c>&lt;Refer&gt;</c>: not supported yet; reported and skipped (see <see cref="NotSupportedVerbs"/>).</summary>
internal sealed class ReferExecutor(CallIssueReporter reporter) : IVerbExecutor<ReferVerb>
{
    /// <inheritdoc />
    public Task<VerbOutcome> ExecuteAsync(ReferVerb verb, CallSession session, CancellationToken cancellationToken) =>
        NotSupportedVerbs.SkipAsync(verb, session, reporter);
}
