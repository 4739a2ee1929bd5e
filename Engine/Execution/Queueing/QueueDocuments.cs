using Microsoft.Extensions.Logging;
using RcmlEngine.Calls.Prompts;
using RcmlEngine.Diagnostics;
using RcmlEngine.Execution.Documents;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Execution.Verbs;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks.Fetching;

namespace RcmlEngine.Execution.Queueing;

/// <summary>
/// The documents a queued caller runs outside its own: the <c>waitUrl</c> document, requested again each
/// time it ends (Play, Say, Pause, Gather, Redirect, Leave, Hangup), or the engine's hold music without one;
/// and the agent's Queue <c>url</c>, run on the caller before the bridge (Play, Say, Pause, Redirect). Other
/// verbs are reported and skipped. Relative URLs resolve against the wait document while it runs.
/// </summary>
internal sealed partial class QueueDocuments(
    IDocumentFetcher fetcher,
    IRcmlDocumentReader reader,
    SayExecutor say,
    PlayExecutor play,
    PauseExecutor pause,
    GatherExecutor gather,
    RedirectExecutor redirect,
    CallIssueReporter reporter,
    TimeProvider time,
    ILogger<QueueDocuments> logger)
{
    // A wait document that ends at once is requested again no sooner than this (an empty or failing document).
    private static readonly TimeSpan MinimumRound = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs the wait until the token is cancelled (throws), or a wait document's Leave or Hangup (returned).
    /// <paramref name="parameters"/> gives the queue parameters at each request.
    /// </summary>
    public async Task<QueueWaitEnd> WaitAsync(
        CallSession session, EnqueueVerb verb, Func<IReadOnlyList<KeyValuePair<string, string>>> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(parameters);
        if (verb.WaitUrl is null)
        {
            await session.Call.PlayAsync([new HoldMusicPrompt()], interruptOnDigit: false, cancellationToken);
        }

        if (verb.WaitUrl is not { OriginalString.Length: > 0 } waitUrl)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
            throw new OperationCanceledException(cancellationToken);
        }

        var home = new Navigation(session.Resolve(waitUrl), verb.WaitUrlMethod);
        var documentUrl = session.DocumentUrl;
        try
        {
            var target = home;
            while (true)
            {
                var started = time.GetTimestamp();
                var (end, next) = await RunOnceAsync(session, target, parameters(), wait: true, cancellationToken);
                if (end is { } ended)
                {
                    return ended;
                }

                target = next ?? home;
                if (next is null && time.GetElapsedTime(started) < MinimumRound)
                {
                    await Task.Delay(MinimumRound - time.GetElapsedTime(started), time, cancellationToken);
                }
            }
        }
        finally
        {
            session.DocumentUrl = documentUrl;
        }
    }

    /// <summary>Runs the agent's Queue <paramref name="url"/> on the dequeued caller (following its Redirects, up to a bound).</summary>
    public async Task RunDequeueAsync(CallSession session, Uri url, RcmlHttpMethod method, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var documentUrl = session.DocumentUrl;
        try
        {
            Navigation? target = new(url, method);
            for (var documents = 0; documents < 10 && target is not null; documents++)
            {
                (_, target) = await RunOnceAsync(session, target, parameters, wait: false, cancellationToken);
            }
        }
        finally
        {
            session.DocumentUrl = documentUrl;
        }
    }

    // One document: its verbs in order; returns how the wait ended, or where its Redirect or Gather leads (null: its end).
    private async Task<(QueueWaitEnd? End, Navigation? Next)> RunOnceAsync(
        CallSession session, Navigation target, IReadOnlyList<KeyValuePair<string, string>> parameters, bool wait, CancellationToken cancellationToken)
    {
        var request = session.Request(target.Url, target.Method, [.. target.Parameters, .. parameters]);
        var fetched = await fetcher.FetchAsync(request, null, cancellationToken);
        var reading = fetched.Error is null ? reader.Read(fetched.Body) : null;
        if (reading is not { IsRunnable: true })
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.DocumentParseFailure,
                $"the queue's {(wait ? "wait" : "dequeue")} document at {target.Url} could not be fetched or is not valid RCML ({fetched.Error?.ToString() ?? "not RCML"}); it is skipped"));
            return (null, null);
        }

        session.DocumentUrl = fetched.FinalUrl ?? target.Url;
        foreach (var verb in reading.Document!.Verbs)
        {
            var outcome = verb switch
            {
                SayVerb v => await say.ExecuteAsync(v, session, cancellationToken),
                PlayVerb v => await play.ExecuteAsync(v, session, cancellationToken),
                PauseVerb v => await pause.ExecuteAsync(v, session, cancellationToken),
                RedirectVerb v => await redirect.ExecuteAsync(v, session, cancellationToken),
                GatherVerb v when wait => await gather.ExecuteAsync(v, session, cancellationToken),
                LeaveVerb when wait => (VerbOutcome?)null,
                HangupVerb when wait => VerbOutcome.HangUp,
                _ => Skipped(session, verb, wait),
            };
            switch (outcome)
            {
                case null when verb is LeaveVerb:
                    return (QueueWaitEnd.Leave, null);
                case { Kind: VerbOutcomeKind.HangUp }:
                    return (QueueWaitEnd.Hangup, null);
                case { Kind: VerbOutcomeKind.Navigate, Target: { } next }:
                    return (null, next);
            }
        }

        return (null, null);
    }

    private VerbOutcome Skipped(CallSession session, RcmlVerb verb, bool wait)
    {
        var allowed = wait ? "Play, Say, Pause, Gather, Redirect, Leave and Hangup" : "Play, Say, Pause and Redirect";
        LogSkipped(session.CallSid, verb.ElementName);
        reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.WaitVerbNotAllowed,
            $"<{verb.ElementName}> at {verb.Span} in a queue's {(wait ? "wait" : "dequeue")} document: only {allowed} run there; it was skipped"));
        return VerbOutcome.Continue;
    }

    [LoggerMessage(EventId = LogEventRange.Execution + 110, Level = LogLevel.Debug, Message = "Call {CallSid}: <{Verb}> skipped in a queue document")]
    private partial void LogSkipped(string callSid, string verb);
}
