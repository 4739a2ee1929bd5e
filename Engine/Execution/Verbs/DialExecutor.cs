using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary><c>&lt;Dial&gt;</c>: not supported yet; reported and skipped (see <see cref="NotSupportedVerbs"/>).</summary>
internal sealed class DialExecutor(CallIssueReporter reporter) : IVerbExecutor<DialVerb>
{
    /// <inheritdoc />
    public Task<VerbOutcome> ExecuteAsync(DialVerb verb, CallSession session, CancellationToken cancellationToken) =>
        NotSupportedVerbs.SkipAsync(verb, session, reporter);
}
