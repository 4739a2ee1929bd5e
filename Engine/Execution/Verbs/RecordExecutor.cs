using System.Globalization;
using RcmlEngine.Calls.Recording;
using RcmlEngine.Calls.Speech;
using RcmlEngine.Media.Recording;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Execution.Requests;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// <c>&lt;Record&gt;</c>: answers, records (beep, silence <c>timeout</c>, <c>maxLength</c>,
/// <c>finishOnKey</c>, <c>trim</c>) into the recording store, then navigates to <c>action</c> (or back to
/// the current document) with <c>RecordingUrl</c>, <c>RecordingDuration</c>, <c>RecordingSid</c> and
/// <c>Digits</c> (the finish key, or <c>hangup</c>). An empty recording is dropped and the next verb runs,
/// as Twilio does. When the caller hung up, the action is still requested (queued, its answer ignored).
/// <c>recordingStatusCallback</c> receives <c>in-progress</c>, then <c>completed</c> or <c>absent</c>, as configured.
/// With <c>transcribeCallback</c> (<c>transcribe</c> implied, as Twilio does), the recording is transcribed off the
/// call's path by <see cref="RecordingTranscriber"/>.
/// </summary>
internal sealed class RecordExecutor(
    IRecordingStore store,
    ICallbackDispatcher dispatcher,
    CallIssueReporter reporter,
    TimeProvider time,
    IRecordingCatalog? catalog = null,
    RecordingTranscriber? transcriber = null) : IVerbExecutor<RecordVerb>
{
    /// <inheritdoc />
    public async Task<VerbOutcome> ExecuteAsync(RecordVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(session);
        if (verb.Transcribe && verb.TranscribeCallback is null)
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.TranscriptionNotDelivered,
                $"<Record transcribe> at {verb.Span}: without transcribeCallback the transcription has nowhere to go (there is no Transcriptions resource yet)"));
        }
        else if (verb.TranscribeCallback is not null && session.Call is not ISpeechCall)
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.TranscriptionNotDelivered,
                $"<Record transcribeCallback> at {verb.Span}: this call carries no real audio (the virtual phone records silence); not transcribed"));
        }

        await session.Call.AnswerAsync(cancellationToken);
        var stored = store.Create(session.Account.AccountSid, session.CallSid);
        var request = new RecordingRequest
        {
            FilePath = stored.FilePath,
            PlayBeep = verb.PlayBeep,
            SilenceTimeout = verb.Timeout,
            MaxLength = verb.MaxLength,
            FinishOnKey = verb.FinishOnKey,
            TrimSilence = verb.Trim == RecordingTrim.TrimSilence,
        };
        var started = time.GetUtcNow();
        NotifyStatus(verb, session, stored, "in-progress", RecordingEvents.InProgress, 0, started);
        var result = await session.Call.RecordAsync(request, cancellationToken);
        var hungUp = result.EndedBy == RecordingEnd.Hangup || session.Call.Lifecycle.IsEnded;
        if (result.Duration <= TimeSpan.Zero)
        {
            store.Delete(stored);
            NotifyStatus(verb, session, stored, "absent", RecordingEvents.Absent, 0, started);
            return hungUp ? VerbOutcome.HangUp : VerbOutcome.Continue;
        }

        var seconds = (int)Math.Ceiling(result.Duration.TotalSeconds);
        NotifyStatus(verb, session, stored, "completed", RecordingEvents.Completed, seconds, started);
        await (catalog?.SaveAsync(RecordingRecord.Completed(stored, RecordingSources.RecordVerb, 1, started, seconds, time.GetUtcNow()), CancellationToken.None) ?? Task.CompletedTask);
        if (verb.TranscribeCallback is { OriginalString.Length: > 0 } transcribeCallback && transcriber is not null && session.Call is ISpeechCall)
        {
            // Off the call's path: the call goes on while the recording is recognized.
            _ = transcriber.StartAsync(stored, session.Resolve(transcribeCallback), session.Account.AuthToken);
        }

        var parameters = new List<KeyValuePair<string, string>>
        {
            new("RecordingUrl", stored.Url.OriginalString),
            new("RecordingDuration", seconds.ToString(CultureInfo.InvariantCulture)),
            new("RecordingSid", stored.RecordingSid),
        };
        if (hungUp)
        {
            parameters.Add(new("Digits", "hangup"));
        }
        else if (result.FinishKey is { } key)
        {
            parameters.Add(new("Digits", key.ToString()));
        }

        var action = verb.Action is { OriginalString.Length: > 0 } url ? session.Resolve(url) : session.DocumentUrl;
        if (!hungUp)
        {
            return VerbOutcome.Navigate(new Navigation(action, verb.Method, parameters));
        }

        dispatcher.Enqueue(session.CallSid, session.Request(action, verb.Method, parameters));
        return VerbOutcome.HangUp;
    }

    private void NotifyStatus(RecordVerb verb, CallSession session, StoredRecording stored, string status,
        RecordingEvents recordingEvent, int seconds, DateTimeOffset started)
    {
        if (verb.RecordingStatusCallback is not { OriginalString.Length: > 0 } url || (verb.RecordingStatusCallbackEvent & recordingEvent) == 0)
        {
            return;
        }

        KeyValuePair<string, string>[] parameters =
        [
            new("AccountSid", session.Account.AccountSid),
            new("CallSid", session.CallSid),
            new("RecordingSid", stored.RecordingSid),
            new("RecordingUrl", stored.Url.OriginalString),
            new("RecordingStatus", status),
            new("RecordingDuration", seconds.ToString(CultureInfo.InvariantCulture)),
            new("RecordingChannels", "1"),
            new("RecordingSource", "RecordVerb"),
            new("RecordingStartTime", Rfc2822Timestamp.Format(started)),
        ];
        var request = new WebhookRequest(session.Resolve(url), verb.RecordingStatusCallbackMethod.ToWebhookMethod(),
            parameters, session.Account.AuthToken);
        dispatcher.Enqueue(session.CallSid, request);
    }
}
