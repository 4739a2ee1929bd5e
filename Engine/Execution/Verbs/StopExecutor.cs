using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// <c>&lt;Stop&gt;</c>: stops each named <c>&lt;Stream&gt;</c> (the server gets <c>stop</c>, the status callback
/// stream-stopped) before the next verb runs. A name that runs no stream is a warning.
/// </summary>
internal sealed class StopExecutor(CallIssueReporter reporter) : IVerbExecutor<StopVerb>
{
    /// <inheritdoc />
    public async Task<VerbOutcome> ExecuteAsync(StopVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(session);
        foreach (var noun in verb.Nouns)
        {
            if (noun is not StreamNoun stream)
            {
                StreamNounSkipping.Report(reporter, session, verb, noun);
                continue;
            }

            if (stream.Name is not { Length: > 0 } name || session.Streams.Remove(name) is not { } running)
            {
                reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.VerbMissingContent,
                    $"<Stop><Stream name=\"{stream.Name}\"> at {stream.Span}: no stream of that name runs on this call"));
                continue;
            }

            running.RequestStop();
            await running.Finished.WaitAsync(cancellationToken);
        }

        return VerbOutcome.Continue;
    }
}
