using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Calls.Prompts;
using RcmlEngine.Calls.Records;
using RcmlEngine.Diagnostics;
using RcmlEngine.Execution.Control;
using RcmlEngine.Execution.Documents;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Execution.Requests;
using RcmlEngine.Execution.Verbs;
using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Execution;

/// <summary>
/// Runs a call through its application's RCML: signals ringing, fetches the voice URL, runs verb after
/// verb, follows Redirects and actions, and ends the call when the documents do. Hang-up by either side
/// cancels whatever runs (a prompt, a Gather, a fetch); limits are checked before each verb. When
/// neither the application nor its fallback gives a usable document, the caller hears a short apology
/// and the call ends. Status callbacks follow the call's lifecycle. A call the engine placed (the REST
/// API) runs its documents once answered. Every run is in <see cref="LiveCallRegistry"/> while it lasts,
/// where a <see cref="CallControl"/> redirects it. One instance serves every call.
/// </summary>
internal sealed partial class RcmlInterpreter(
    DocumentLoader documents,
    VerbDispatcher verbs,
    StatusCallbackReporter statusCallbacks,
    CallIssueReporter issues,
    LiveCallRegistry live,
    IOptions<ExecutionOptions> options,
    TimeProvider time,
    ILogger<RcmlInterpreter> logger,
    CallRecordKeeper? records = null,
    Diagnostics.Timeline.CallTimelines? timelines = null)
{
    private readonly ExecutionOptions _options = options.Value;

    /// <summary>
    /// Runs <paramref name="call"/> (created, not yet ringing) until it ends; hangs it up if the documents
    /// leave it up. <paramref name="cancellationToken"/> (the engine stopping) hangs the call up too.
    /// </summary>
    public Task<CallRunResult> RunAsync(ICall call, CallApplication application, CallAccount account, CancellationToken cancellationToken) =>
        RunAsync(call, new CallApplicationHolder(application), account, new CallControl(), cancellationToken);

    /// <summary>
    /// Runs <paramref name="call"/> as <see cref="RunAsync(ICall, CallApplication, CallAccount, CancellationToken)"/>
    /// does, redirected through <paramref name="control"/>, with an application that may change meanwhile.
    /// </summary>
    public async Task<CallRunResult> RunAsync(ICall call, CallApplicationHolder application, CallAccount account, CallControl control, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(control);
        var session = new CallSession(call, application, account);
        using var scope = CallLogScope.Begin(logger, call.Info.CallSid);
        using var listed = live.Add(new LiveCall(call, account.AccountSid, control, application));
        using var reporting = statusCallbacks.Attach(call, application, account);
        using var record = records?.Track(call);
        using var timeline = BeginTimeline(call, account.AccountSid);
        var longest = application.Current.TimeLimit is { } timeLimit && timeLimit < _options.MaxCallDuration ? timeLimit : _options.MaxCallDuration;
        var left = longest - call.Lifecycle.Elapsed;
        using var limit = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, time);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.Lifecycle.Ended, limit.Token);
        LogStarted(application.Current.VoiceUrl.Authority);
        var ended = false;
        try
        {
            await StartAsync(session, running.Token);
            ended = await RunDocumentsAsync(session, control, running.Token);
        }
        catch (OperationCanceledException) when (call.Lifecycle.IsEnded)
        {
            // The caller hung up (or the call broke down): whatever ran has stopped.
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The call's own TimeLimit ends it as planned; the engine's limit is an error the application hears of.
            if (longest == _options.MaxCallDuration)
            {
                issues.Report(session, ExecutionIssue.Error(ExecutionErrorCode.CallDurationLimitReached,
                    $"the call lasted {_options.MaxCallDuration} (Limits:MaxCallDuration) and was hung up"));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug or a media failure must end this call cleanly, never take the engine down.
            LogCrashed(exception);
            issues.Report(session, ExecutionIssue.Error(ExecutionErrorCode.InternalFailure,
                $"the engine failed while running the call ({exception.GetType().Name}) and hung up"));
        }
        finally
        {
            control.Finish();
            await EndAsync(session, answerFirst: ended);
            EndTimeline();
        }

        var lifecycle = call.Lifecycle;
        if (logger.IsEnabled(LogLevel.Information))
        {
            var status = lifecycle.Status.ToWebhookValue();
            var reason = lifecycle.EndReason?.ToString() ?? "not ended";
            LogEnded(status, reason, lifecycle.DurationSeconds, new Counted(session.DocumentsFetched, "document"), new Counted(session.VerbsRun, "verb"), new Counted(session.ErrorsReported, "error"));
        }

        return new CallRunResult(lifecycle.Status, lifecycle.EndReason, session.DocumentsFetched, session.VerbsRun, session.ErrorsReported);
    }

    // An inbound call is told it is being handled; a call the engine placed is waited for until it
    // answers (its documents run from then on, as Twilio's outbound-api calls), then gets its keys.
    private static async Task StartAsync(CallSession session, CancellationToken cancellationToken)
    {
        var call = session.Call;
        if (call is not IOutboundCall)
        {
            await call.RingAsync(cancellationToken);
            return;
        }

        await call.AnswerAsync(cancellationToken);
        if (session.Application.SendDigits is { Length: > 0 } digits)
        {
            await call.PlayAsync([new DigitsPrompt(digits)], interruptOnDigit: false, cancellationToken);
        }
    }

    // True when the documents ended the call normally (end of document, Hangup, Reject), false after a
    // failure the caller was told about or a limit. A redirect from outside (the REST API) cancels the
    // document running, whatever it does, and the call goes on with the redirect's document.
    private async Task<bool> RunDocumentsAsync(CallSession session, CallControl control, CancellationToken cancellationToken)
    {
        var application = session.Application;
        Navigation? next = application.VoiceTwiml is { } twiml
            ? Navigation.Inline(twiml, application.VoiceUrl)
            : new(application.VoiceUrl, application.VoiceMethod);
        while (next is not null)
        {
            using var document = control.BeginDocument(cancellationToken);
            try
            {
                (var failed, next) = await RunDocumentAsync(session, next, document.Token);
                if (failed)
                {
                    return false;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && control.TakeRedirect() is { } redirect)
            {
                LogRedirected(redirect.Twiml is null ? SafeUrl.Of(redirect.Url) : "inline RCML");
                next = redirect;
                continue;
            }

            if (control.TakeRedirect() is { } late)
            {
                // Asked for as the document ended by itself: the redirect still wins.
                next = late;
            }
        }

        return true;
    }

    // The next document (null: the call ends normally), or Failed after a failure or a limit.
    private async Task<(bool Failed, Navigation? Next)> RunDocumentAsync(CallSession session, Navigation target, CancellationToken cancellationToken)
    {
        session.RememberSent(target.Parameters);
        var loaded = await documents.LoadAsync(session, target, cancellationToken);
        if (loaded is null)
        {
            await ApologizeAsync(session, cancellationToken);
            return (true, null);
        }

        session.DocumentUrl = loaded.Url;
        var outcome = await RunVerbsAsync(session, loaded, cancellationToken);
        return outcome is null ? (true, null) : (false, outcome.Value.Target);
    }

    // The outcome that ends the document (Continue past the last verb, HangUp, Navigate); null at a limit.
    private async Task<VerbOutcome?> RunVerbsAsync(CallSession session, LoadedDocument loaded, CancellationToken cancellationToken)
    {
        foreach (var verb in loaded.Document.Verbs)
        {
            if (LimitReached(session))
            {
                return null;
            }

            session.VerbsRun++;
            LogVerb(verb.ElementName, verb.Span.Line, verb.Span.Column);
            RecordVerbStarted(verb);
            var outcome = await verbs.ExecuteAsync(verb, session, cancellationToken);
            RecordVerbEnded(verb, outcome);
            if (outcome.Kind != VerbOutcomeKind.Continue)
            {
                return outcome;
            }
        }

        return VerbOutcome.HangUp;
    }

    private bool LimitReached(CallSession session)
    {
        if (session.VerbsRun >= _options.MaxVerbsPerCall)
        {
            issues.Report(session, ExecutionIssue.Error(ExecutionErrorCode.VerbLimitReached,
                $"the call ran {session.VerbsRun} verbs (Limits:MaxVerbsPerCall) and was hung up"));
            return true;
        }

        if (session.Call.Lifecycle.Elapsed >= _options.MaxCallDuration)
        {
            issues.Report(session, ExecutionIssue.Error(ExecutionErrorCode.CallDurationLimitReached,
                $"the call lasted {_options.MaxCallDuration} (Limits:MaxCallDuration) and was hung up"));
            return true;
        }

        return false;
    }

    private async Task ApologizeAsync(CallSession session, CancellationToken cancellationToken)
    {
        LogApology();
        await session.Call.AnswerAsync(cancellationToken);
        var apology = new SpeechPrompt(_options.ApologyText, _options.ApologyVoice, _options.ApologyLanguage);
        await session.Call.PlayAsync([apology], interruptOnDigit: false, cancellationToken);
    }

    // Ends the call unless it has ended. After a normal end an unanswered call is answered first (any
    // document other than a Reject answers, as Twilio's do); the end runs even when the run was cancelled.
    private static async Task EndAsync(CallSession session, bool answerFirst)
    {
        var call = session.Call;
        if (call.Lifecycle.IsEnded)
        {
            return;
        }

        try
        {
            if (answerFirst)
            {
                await call.AnswerAsync(call.Lifecycle.Ended);
            }
        }
        catch (OperationCanceledException) when (call.Lifecycle.IsEnded)
        {
            return;
        }

        await call.HangUpAsync(CancellationToken.None);
    }
}
