using RcmlEngine.Calls.Digits;
using RcmlEngine.Execution.Prompts;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Media.Speech;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// <c>&lt;Gather&gt;</c>: answers, plays the nested Say/Play/Pause until the first key (or, with speech,
/// until the caller starts talking), collects keys until <c>finishOnKey</c> (empty: none),
/// <c>numDigits</c> or <c>timeout</c> of silence, or one utterance recognized off the call's path
/// (<see cref="SpeechRecognitionQueue"/>). With input (or <c>actionOnEmptyResult</c>) it navigates to
/// <c>action</c>, or without one back to the current document's URL as Twilio does, with <c>Digits</c>
/// and <c>FinishedOnKey</c>, or <c>SpeechResult</c> and <c>Confidence</c>; without input the next verb runs.
/// </summary>
internal sealed partial class GatherExecutor(PromptPlayer player, CallIssueReporter reporter, SpeechRecognitionQueue? recognition = null)
    : IVerbExecutor<GatherVerb>
{
    /// <inheritdoc />
    public async Task<VerbOutcome> ExecuteAsync(GatherVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(session);
        await session.Call.AnswerAsync(cancellationToken);
        if (verb.Input.HasFlag(GatherInput.Speech) && CanListen(verb, session) is { } listener)
        {
            return await GatherSpeechAsync(verb, session, listener, cancellationToken);
        }

        var options = DigitOptions(verb);
        var collected = await session.Call.CollectDigitsAsync(VerbPrompts.Nested(verb, session), options, cancellationToken);
        player.ReportFailures(session, collected.PromptFailures, verb.ElementName);
        return collected.Digits.Length == 0 && !verb.ActionOnEmptyResult
            ? VerbOutcome.Continue
            : Navigate(verb, session, GatherParameters.OfDigits(collected));
    }

    private static DigitCollectOptions DigitOptions(GatherVerb verb) => new()
    {
        Timeout = verb.Timeout,
        FinishOnKey = verb.FinishOnKey,
        NumDigits = verb.NumDigits,
    };

    private static VerbOutcome Navigate(GatherVerb verb, CallSession session, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var action = verb.Action is { OriginalString.Length: > 0 } url ? session.Resolve(url) : session.DocumentUrl;
        return VerbOutcome.Navigate(new Navigation(action, verb.Method, parameters));
    }
}
