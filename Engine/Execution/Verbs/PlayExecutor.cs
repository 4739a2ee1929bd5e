using RcmlEngine.Execution.Prompts;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// <c>&lt;Play&gt;</c>: answers, sends its <c>digits</c> (<c>w</c> = half a second), plays its audio URL
/// <c>loop</c> times (0: until the call ends). With nothing to play it is reported and skipped.
/// </summary>
internal sealed class PlayExecutor(PromptPlayer player, CallIssueReporter reporter) : IVerbExecutor<PlayVerb>
{
    /// <inheritdoc />
    public async Task<VerbOutcome> ExecuteAsync(PlayVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        var prompts = VerbPrompts.Play(verb, session);
        if (prompts.Count == 0)
        {
            reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.VerbMissingContent,
                $"<Play> at {verb.Span} has neither a URL nor digits; it was skipped"));
        }

        await player.PlayAsync(session, prompts, verb.ElementName, cancellationToken);
        return VerbOutcome.Continue;
    }
}
