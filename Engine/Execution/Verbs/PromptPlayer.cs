using RcmlEngine.Calls.Prompts;
using RcmlEngine.Execution.Reporting;

namespace RcmlEngine.Execution.Verbs;

/// <summary>Plays the prompts of a media verb: answers the call first, reports the prompts that failed.</summary>
internal sealed class PromptPlayer(CallIssueReporter reporter)
{
    /// <summary>Answers (if not yet) and plays <paramref name="prompts"/>, not interruptible.</summary>
    public async Task PlayAsync(CallSession session, IReadOnlyList<Prompt> prompts, string verb, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.Call.AnswerAsync(cancellationToken);
        if (prompts.Count == 0)
        {
            return;
        }

        var result = await session.Call.PlayAsync(prompts, interruptOnDigit: false, cancellationToken);
        ReportFailures(session, result.Failures, verb);
    }

    /// <summary>Reports each prompt that could not be played, with the media layer's code.</summary>
    public void ReportFailures(CallSession session, IReadOnlyList<PromptFailure> failures, string verb)
    {
        ArgumentNullException.ThrowIfNull(failures);
        foreach (var failure in failures)
        {
            var what = failure.Prompt is AudioPrompt audio ? $" {audio.Url.OriginalString}" : string.Empty;
            reporter.Report(session, new ExecutionIssue(failure.ErrorCode, $"<{verb}> could not play{what}: {failure.Message}"));
        }
    }
}
