using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary><c>&lt;Redirect&gt;</c>: navigates to its URL (relative to the current document) with <c>method</c>.</summary>
internal sealed class RedirectExecutor(CallIssueReporter reporter) : IVerbExecutor<RedirectVerb>
{
    /// <inheritdoc />
    public Task<VerbOutcome> ExecuteAsync(RedirectVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(session);
        if (verb.Url is not { OriginalString.Length: > 0 } url)
        {
            reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.VerbMissingContent,
                $"<Redirect> at {verb.Span} has no URL; it was skipped"));
            return Task.FromResult(VerbOutcome.Continue);
        }

        return Task.FromResult(VerbOutcome.Navigate(new Navigation(session.Resolve(url), verb.Method)));
    }
}
