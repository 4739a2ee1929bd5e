using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Prompts;
using RcmlEngine.Calls.Records;
using RcmlEngine.Diagnostics;
using RcmlEngine.Execution.Documents;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Execution.Requests;
using RcmlEngine.Execution.Verbs;

namespace RcmlEngine.Execution;

/// <summary>
/// Runs a call through its application's RCML: signals ringing, fetches the voice URL, runs verb after
/// verb, follows Redirects and actions, and ends the call when the documents do. Hang-up by either side
/// cancels whatever runs (a prompt, a Gather, a fetch); limits are checked before each verb. When
/// neither the application nor its fallback gives a usable document, the caller hears a short apology
/// and the call ends. Status callbacks follow the call's lifecycle. One instance serves every call.
/// </summary>
internal sealed partial class RcmlInterpreter(
    DocumentLoader documents,
    VerbDispatcher verbs,
    StatusCallbackReporter statusCallbacks,
    CallIssueReporter issues,
    IOptions<ExecutionOptions> options,
    TimeProvider time,
    ILogger<RcmlInterpreter> logger,
    CallRecordKeeper? records = null)
{
    private readonly ExecutionOptions _options = options.Value;

    /// <summary>
    /// Runs <paramref name="call"/> (created, not yet ringing) until it ends; hangs it up if the documents
    /// leave it up. <paramref name="cancellationToken"/> (the engine stopping) hangs the call up too.
    /// </summary>
    public async Task<CallRunResult> RunAsync(ICall call, CallApplication application, CallAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(account);
        var session = new CallSession(call, application, account);
        using var scope = CallLogScope.Begin(logger, call.Info.CallSid);
        using var reporting = statusCallbacks.Attach(call, application, account);
        using var record = records?.Track(call);
        var left = _options.MaxCallDuration - call.Lifecycle.Elapsed;
        using var limit = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, time);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.Lifecycle.Ended, limit.Token);
        LogStarted(application.VoiceUrl.Authority);
        var ended = false;
        try
        {
            await call.RingAsync(running.Token);
            ended = await RunDocumentsAsync(session, running.Token);
        }
        catch (OperationCanceledException) when (call.Lifecycle.IsEnded)
        {
            // The caller hung up (or the call broke down): whatever ran has stopped.
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            issues.Report(session, ExecutionIssue.Error(ExecutionErrorCode.CallDurationLimitReached,
                $"the call lasted {_options.MaxCallDuration} (Limits:MaxCallDuration) and was hung up"));
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
            await EndAsync(session, answerFirst: ended);
        }

        var lifecycle = call.Lifecycle;
        if (logger.IsEnabled(LogLevel.Information))
        {
            var status = lifecycle.Status.ToWebhookValue();
            LogEnded(status, lifecycle.DurationSeconds, session.DocumentsFetched, session.VerbsRun, session.ErrorsReported);
        }

        return new CallRunResult(lifecycle.Status, lifecycle.EndReason, session.DocumentsFetched, session.VerbsRun, session.ErrorsReported);
    }

    // True when the documents ended the call normally (end of document, Hangup, Reject), false after a
    // failure the caller was told about or a limit.
    private async Task<bool> RunDocumentsAsync(CallSession session, CancellationToken cancellationToken)
    {
        Navigation? next = new(session.Application.VoiceUrl, session.Application.VoiceMethod);
        while (next is not null)
        {
            var loaded = await documents.LoadAsync(session, next, cancellationToken);
            if (loaded is null)
            {
                await ApologizeAsync(session, cancellationToken);
                return false;
            }

            session.DocumentUrl = loaded.Url;
            var outcome = await RunVerbsAsync(session, loaded, cancellationToken);
            if (outcome is null)
            {
                return false;
            }

            next = outcome.Value.Target;
        }

        return true;
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
            var outcome = await verbs.ExecuteAsync(verb, session, cancellationToken);
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
