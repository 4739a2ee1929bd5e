using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary><c>&lt;Enqueue&gt;</c>: not supported yet; reported and skipped (see <see cref="NotSupportedVerbs"/>).</summary>
internal sealed class EnqueueExecutor(CallIssueReporter reporter) : IVerbExecutor<EnqueueVerb>
{
    /// <inheritdoc />
    public Task<VerbOutcome> ExecuteAsync(EnqueueVerb verb, CallSession session, CancellationToken cancellationToken) =>
        NotSupportedVerbs.SkipAsync(verb, session, reporter);
}
