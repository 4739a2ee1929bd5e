using RcmlEngine.Calls.Speech;
using RcmlEngine.Execution.Prompts;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Media.Speech;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>Gather's speech input: listen on the call, recognize through the queue, map to Twilio's parameters.</summary>
internal sealed partial class GatherExecutor
{
    // Null (with a warning) when this call cannot listen: keys only are collected then.
    private ISpeechCall? CanListen(GatherVerb verb, CallSession session)
    {
        if (session.Call is not ISpeechCall listener || recognition is null)
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.SpeechNotRecognized,
                $"<Gather input=\"speech\"> at {verb.Span}: this call cannot listen for speech; only keys are collected"));
            return null;
        }

        if (!recognition.Supports(verb.Language))
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.SpeechNotRecognized,
                $"<Gather language=\"{verb.Language}\"> at {verb.Span}: no speech model for this language is installed; speech is treated as no input"));
        }

        if (verb.PartialResultCallback is not null)
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.SpeechNotRecognized,
                $"<Gather partialResultCallback> at {verb.Span}: partial results are not sent yet; only the final result goes to the action"));
        }

        return listener;
    }

    private async Task<VerbOutcome> GatherSpeechAsync(GatherVerb verb, CallSession session, ISpeechCall call, CancellationToken cancellationToken)
    {
        var options = new SpeechInputOptions
        {
            Timeout = verb.Timeout,
            SpeechTimeout = verb.SpeechTimeout?.Duration,
            Digits = verb.Input.HasFlag(GatherInput.Dtmf) ? DigitOptions(verb) : null,
        };
        var input = await call.CollectSpeechAsync(VerbPrompts.Nested(verb, session), options, cancellationToken);
        player.ReportFailures(session, input.PromptFailures, verb.ElementName);
        if (input.Digits is { } digits)
        {
            return digits.Digits.Length == 0 && !verb.ActionOnEmptyResult
                ? VerbOutcome.Continue
                : Navigate(verb, session, GatherParameters.OfDigits(digits));
        }

        var speech = await RecognizeAsync(verb, session, input, cancellationToken);
        return !speech.HasText && !verb.ActionOnEmptyResult
            ? VerbOutcome.Continue
            : Navigate(verb, session, GatherParameters.OfSpeech(speech));
    }

    private async Task<SpeechRecognition> RecognizeAsync(GatherVerb verb, CallSession session, SpeechInput input, CancellationToken cancellationToken)
    {
        if (input.Transcript is { Length: > 0 } typed)
        {
            return SpeechRecognition.Of(typed.Trim().ToLowerInvariant(), 1);
        }

        if (input.Utterance is not { Length: > 0 } utterance || !recognition!.Supports(verb.Language))
        {
            return SpeechRecognition.NoSpeech;
        }

        var request = new SpeechRecognitionRequest(utterance, verb.Language, HintsGrammar.Split(verb.Hints));
        var result = await recognition.RecognizeAsync(request, cancellationToken);
        if (result.Problem is { } problem)
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.SpeechNotRecognized,
                $"<Gather input=\"speech\"> at {verb.Span}: {problem}"));
        }

        return result;
    }
}
