using RcmlEngine.Calls.Digits;
using RcmlEngine.Execution.Prompts;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// <c>&lt;Gather&gt;</c> (DTMF): answers, plays the nested Say/Play/Pause until the first key, collects
/// keys until <c>finishOnKey</c> (empty: none), <c>numDigits</c> or <c>timeout</c> of silence. With input
/// (or <c>actionOnEmptyResult</c>) it navigates to <c>action</c>, or without one back to the current
/// document's URL as Twilio does, with <c>Digits</c> and <c>FinishedOnKey</c>; without input the next
/// verb runs. <c>input="speech"</c> is reported as a warning and digits only are collected.
/// </summary>
internal sealed class GatherExecutor(PromptPlayer player, CallIssueReporter reporter) : IVerbExecutor<GatherVerb>
{
    /// <inheritdoc />
    public async Task<VerbOutcome> ExecuteAsync(GatherVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(session);
        if (verb.Input.HasFlag(GatherInput.Speech))
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.SpeechNotSupported,
                $"<Gather input=\"speech\"> at {verb.Span}: speech recognition is not available yet; only keys are collected"));
        }

        await session.Call.AnswerAsync(cancellationToken);
        var options = new DigitCollectOptions
        {
            Timeout = verb.Timeout,
            FinishOnKey = verb.FinishOnKey,
            NumDigits = verb.NumDigits,
        };
        var collected = await session.Call.CollectDigitsAsync(VerbPrompts.Nested(verb, session), options, cancellationToken);
        player.ReportFailures(session, collected.PromptFailures, verb.ElementName);
        if (collected.Digits.Length == 0 && !verb.ActionOnEmptyResult)
        {
            return VerbOutcome.Continue;
        }

        KeyValuePair<string, string>[] parameters =
        [
            new("Digits", collected.Digits),
            new("FinishedOnKey", collected.FinishKey?.ToString() ?? string.Empty),
        ];
        var action = verb.Action is { OriginalString.Length: > 0 } url ? session.Resolve(url) : session.DocumentUrl;
        return VerbOutcome.Navigate(new Navigation(action, verb.Method, parameters));
    }
}
