using RcmlEngine.Execution.Documents;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Execution.Requests;
using RcmlEngine.Execution.Verbs;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Dialing;

/// <summary>
/// Call screening (the <c>url</c> of <c>&lt;Number&gt;</c>, <c>&lt;Sip&gt;</c>, <c>&lt;Client&gt;</c>): once the
/// called party answers, its leg fetches that document (with the leg's own parameters: its CallSid,
/// ParentCallSid, SipCallId, and the answer's X- headers as <c>SipHeader_X-*</c>) and runs it with the
/// called party alone, while the caller keeps hearing ringback. Say, Play, Pause, Gather (and its
/// action), Redirect and Hangup run; other verbs are reported and skipped. The document ending accepts
/// the call; Hangup (or Reject) refuses it; a document that cannot be had refuses it too.
/// </summary>
internal sealed class DialScreening(
    DocumentLoader documents,
    SayExecutor say,
    PlayExecutor play,
    PauseExecutor pause,
    GatherExecutor gather,
    RedirectExecutor redirect,
    CallIssueReporter reporter)
{
    /// <summary>Runs <paramref name="leg"/>'s screening document (its party has a <c>url</c>) on it.</summary>
    public async Task<ScreeningResult> RunAsync(DialLeg leg, CallSession parent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leg);
        ArgumentNullException.ThrowIfNull(parent);
        var first = parent.Resolve(leg.Party.Url!);
        var application = parent.Application with
        {
            VoiceUrl = first,
            VoiceMethod = leg.Party.Method,
            VoiceFallbackUrl = null,
            StatusCallback = null,
        };
        var session = new CallSession(leg.Call, application, parent.Account);
        var headers = (leg.Outcome?.Headers ?? [])
            .Where(h => h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
            .Select(h => new KeyValuePair<string, string>(CallParameters.SipHeaderPrefix + h.Key, h.Value))
            .ToList();
        Navigation? next = new(first, leg.Party.Method, headers);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, leg.Call.Lifecycle.Ended);
        try
        {
            while (next is not null)
            {
                var loaded = await documents.LoadAsync(session, next, running.Token);
                if (loaded is null)
                {
                    return ScreeningResult.Refused;
                }

                session.DocumentUrl = loaded.Url;
                next = null;
                foreach (var verb in loaded.Document.Verbs)
                {
                    var outcome = await RunVerbAsync(verb, session, running.Token);
                    if (outcome.Kind == VerbOutcomeKind.HangUp)
                    {
                        return ScreeningResult.Refused;
                    }

                    if (outcome.Kind == VerbOutcomeKind.Navigate)
                    {
                        next = outcome.Target;
                        break;
                    }
                }
            }

            return ScreeningResult.Accepted;
        }
        catch (OperationCanceledException) when (leg.Call.Lifecycle.IsEnded && !cancellationToken.IsCancellationRequested)
        {
            return ScreeningResult.CalleeHungUp;
        }
    }

    private Task<VerbOutcome> RunVerbAsync(RcmlVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        switch (verb)
        {
            case SayVerb v: return say.ExecuteAsync(v, session, cancellationToken);
            case PlayVerb v: return play.ExecuteAsync(v, session, cancellationToken);
            case PauseVerb v: return pause.ExecuteAsync(v, session, cancellationToken);
            case GatherVerb v: return gather.ExecuteAsync(v, session, cancellationToken);
            case RedirectVerb v: return redirect.ExecuteAsync(v, session, cancellationToken);
            case HangupVerb or RejectVerb: return Task.FromResult(VerbOutcome.HangUp);
            default:
                reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.ScreeningVerbNotAllowed,
                    $"<{verb.ElementName}> at {verb.Span} cannot run in a screening document (the called party's url: Say, Play, Pause, Gather, Redirect, Hangup); it was skipped"));
                return Task.FromResult(VerbOutcome.Continue);
        }
    }
}
