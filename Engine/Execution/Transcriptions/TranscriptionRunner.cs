using Microsoft.Extensions.Logging;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Speech;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Media.Speech;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Execution.Transcriptions;

/// <summary>
/// Runs a <c>&lt;Start&gt;&lt;Transcription&gt;</c> alongside the document: taps the caller's audio, endpoints each
/// utterance, recognizes it through the <see cref="SpeechRecognitionQueue"/> (off the media threads) and posts
/// Twilio's transcription events to <c>statusCallbackUrl</c> in the call's callback order, until
/// <c>&lt;Stop&gt;&lt;Transcription&gt;</c> or the call's end (transcription-stopped, after the last utterance).
/// </summary>
internal sealed partial class TranscriptionRunner(
    ICallbackDispatcher callbacks, CallIssueReporter reporter, TimeProvider time, ILogger<TranscriptionRunner> logger,
    SpeechRecognitionQueue? recognition = null)
{
    /// <summary>
    /// Starts <paramref name="noun"/> on the (answered) call; null when it could not start (reported, and
    /// transcription-error posted when the language has no model). The document goes on either way.
    /// </summary>
    public RunningTranscription? Start(TranscriptionNoun noun, CallSession session)
    {
        ArgumentNullException.ThrowIfNull(noun);
        ArgumentNullException.ThrowIfNull(session);
        var sid = TwilioSid.New("GT");
        var name = noun.Name is { Length: > 0 } given ? given : sid;
        if (session.Transcriptions.Contains(name))
        {
            reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.VerbMissingContent,
                $"<Transcription> at {noun.Span}: a transcription named '{name}' is already running on this call; this one was not started"));
            return null;
        }

        var events = new EventSender(this, noun, session, new TranscriptionParameters(noun, session.Account.AccountSid, session.CallSid, sid));
        // The virtual phone carries no audio: nothing to recognize, so no recognizer is needed there.
        var streamable = session.Call is ISpeechCall ? session.Call as IStreamableCall : null;
        if ((streamable is not null && recognition is null) || (recognition is not null && !recognition.Supports(noun.LanguageCode)))
        {
            var why = recognition is null
                ? "no speech recognizer is configured"
                : $"no speech model for languageCode \"{noun.LanguageCode}\" is installed";
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.SpeechNotRecognized,
                $"<Start><Transcription> at {noun.Span}: {why}; not transcribed"));
            events.Error(why, ExecutionErrorCode.SpeechNotRecognized);
            return null;
        }

        WarnAboutLimits(noun, session);
        var listener = new TranscriptionListener();
        IDisposable? tap = null;
        if (streamable is not null)
        {
            try
            {
                tap = streamable.TapMedia(listener);
            }
            catch (InvalidOperationException)
            {
                // The call has ended.
                return null;
            }
        }
        else
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.SpeechNotRecognized,
                $"<Start><Transcription> at {noun.Span}: this call carries no real audio (the virtual phone); the transcription hears silence"));
        }

        var running = new RunningTranscription(name, sid);
        session.Transcriptions.TryAdd(running);
        events.Started();
        running.Finished = WatchAsync(running, listener, tap, events, session);
        return running;
    }

    private void WarnAboutLimits(TranscriptionNoun noun, CallSession session)
    {
        if (noun.Track != StreamTrack.InboundTrack)
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.SpeechNotRecognized,
                $"<Transcription track> at {noun.Span}: only the caller's audio (inbound_track) is transcribed"));
        }

        if (noun.PartialResults)
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.SpeechNotRecognized,
                $"<Transcription partialResults> at {noun.Span}: partial results are not sent; each utterance is sent once, final"));
        }
    }

    private async Task WatchAsync(RunningTranscription running, TranscriptionListener listener, IDisposable? tap, EventSender events, CallSession session)
    {
        var recognizing = RecognizeAllAsync(listener, events, session);
        try
        {
            var callEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (session.Call.Lifecycle.Ended.Register(() => callEnded.TrySetResult()))
            {
                await Task.WhenAny(running.StopRequested, callEnded.Task);
            }

            tap?.Dispose();
            listener.Finish();
            await recognizing;
            if (listener.Dropped > 0)
            {
                LogDropped(running.TranscriptionSid, listener.Dropped);
            }
        }
#pragma warning disable CA1031 // A transcription's failure must never reach the thread pool.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogWatchFailed(running.TranscriptionSid, exception);
        }
        finally
        {
            tap?.Dispose();
            listener.Finish();
            session.Transcriptions.Remove(running);
            events.Stopped();
        }
    }

    private async Task RecognizeAllAsync(TranscriptionListener listener, EventSender events, CallSession session)
    {
        await Task.Yield();
        await foreach (var utterance in listener.Utterances.ReadAllAsync(CancellationToken.None))
        {
            SpeechRecognition result;
            try
            {
                // Not the call's token: what was said before the call ended is still transcribed.
                result = await recognition!.RecognizeAsync(new SpeechRecognitionRequest(utterance, events.LanguageCode, events.Hints), CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
                // The host is stopping.
                return;
            }

            if (result.HasText)
            {
                events.Content(result);
            }
            else if (result.Problem is { } problem)
            {
                reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.SpeechNotRecognized,
                    $"<Transcription> {events.TranscriptionSid}: an utterance was not recognized: {problem}"));
            }
        }
    }

    private DateTimeOffset Now => time.GetUtcNow();

    private void Post(CallSession session, Uri url, RcmlHttpMethod method, List<KeyValuePair<string, string>> parameters) =>
        callbacks.Enqueue(session.CallSid, new WebhookRequest(url, Requests.HttpMethods.ToWebhookMethod(method), parameters, session.Account.AuthToken));

    // Numbers the events of one transcription and posts them, when it has a statusCallbackUrl.
    private sealed class EventSender(TranscriptionRunner runner, TranscriptionNoun noun, CallSession session, TranscriptionParameters parameters)
    {
        private readonly Uri? _url = noun.StatusCallbackUrl is { } url ? session.Resolve(url) : null;
        private int _sequence;

        public string LanguageCode => parameters.LanguageCode;

        public string TranscriptionSid => parameters.TranscriptionSid;

        public IReadOnlyList<string> Hints { get; } = HintsGrammar.Split(noun.Hints);

        public void Started() => Send(parameters.Started(Next(), runner.Now));

        public void Content(SpeechRecognition result) => Send(parameters.Content(Next(), runner.Now, result));

        public void Stopped() => Send(parameters.Stopped(Next(), runner.Now));

        public void Error(string error, ExecutionErrorCode code) => Send(parameters.Error(Next(), runner.Now, error, code));

        private int Next() => Interlocked.Increment(ref _sequence);

        private void Send(List<KeyValuePair<string, string>> list)
        {
            if (_url is not null)
            {
                runner.Post(session, _url, noun.StatusCallbackMethod, list);
            }
        }
    }
}
