using Microsoft.Extensions.Logging;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Calls.Prompts;
using RcmlEngine.Diagnostics;
using RcmlEngine.Execution.Documents;
using RcmlEngine.Execution.Prompts;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks.Fetching;

namespace RcmlEngine.Execution.Conferencing;

/// <summary>
/// What a conference participant hears while it waits for the room to start (<c>waitUrl</c>) or is on hold
/// (<c>HoldUrl</c>): the engine's own music by default; an audio file, looped; or a document of Play, Say,
/// Pause and Redirect, which ends in silence unless it redirects (as Twilio does; other verbs are reported
/// and skipped). Runs until the token is cancelled.
/// </summary>
internal sealed partial class ConferenceMusic(
    IDocumentFetcher fetcher, IRcmlDocumentReader reader, CallIssueReporter reporter, TimeProvider time, ILogger<ConferenceMusic> logger)
{
    // A wait document that keeps redirecting still refetches at most this often per round (a loop of Redirects).
    private const int MaxDocumentsInARow = 20;

    private static readonly string[] AudioExtensions = [".wav", ".mp3", ".ul", ".ulaw", ".al", ".alaw", ".ogg", ".oga", ".m4a", ".aac", ".flac", ".gsm", ".aiff"];

    /// <summary>
    /// Plays to <paramref name="call"/> until cancelled: silence when <paramref name="silent"/>, the engine's music
    /// when <paramref name="url"/> is null, else what the URL gives (fetched with the call's parameters and <paramref name="extra"/>).
    /// </summary>
    public async Task PlayAsync(
        IConferenceCall call, CallSession session, Uri? url, RcmlHttpMethod method, bool silent,
        IReadOnlyList<KeyValuePair<string, string>> extra, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(session);
        if (!silent)
        {
            if (url is null)
            {
                await call.PlayAsync([new HoldMusicPrompt()], interruptOnDigit: false, cancellationToken);
            }
            else
            {
                await PlayUrlAsync(call, session, session.Resolve(url), method, extra, cancellationToken);
            }
        }

        // Silence until the participant's situation changes (the caller cancels).
        await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
    }

    private async Task PlayUrlAsync(
        IConferenceCall call, CallSession session, Uri url, RcmlHttpMethod method,
        IReadOnlyList<KeyValuePair<string, string>> extra, CancellationToken cancellationToken)
    {
        var target = (Url: url, Method: method);
        for (var documents = 0; documents < MaxDocumentsInARow; documents++)
        {
            if (LooksLikeAudio(target.Url))
            {
                await PlayAudioAsync(call, session, target.Url, cancellationToken);
                return;
            }

            var request = session.Request(target.Url, target.Method, extra);
            var fetched = await fetcher.FetchAsync(request, null, cancellationToken);
            if (fetched.Error is not null || !DocumentLoader.AcceptedMediaTypes.Contains(fetched.ContentType, StringComparer.OrdinalIgnoreCase))
            {
                // Audio served from a URL without an audio extension (or a document that failed: the media fetch reports why).
                await PlayAudioAsync(call, session, target.Url, cancellationToken);
                return;
            }

            var reading = reader.Read(fetched.Body);
            if (!reading.IsRunnable)
            {
                reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.DocumentParseFailure,
                    $"the conference's wait document at {target.Url} is not valid RCML; the caller waits in silence"));
                return;
            }

            if (await RunAsync(call, session, reading.Document!, fetched.FinalUrl ?? target.Url, cancellationToken) is not { } next)
            {
                return;
            }

            target = next;
        }

        LogRedirectLoop(session.CallSid, MaxDocumentsInARow);
    }

    // Plays the document's verbs; returns where its Redirect points, or null when it ends.
    private async Task<(Uri Url, RcmlHttpMethod Method)?> RunAsync(IConferenceCall call, CallSession session, RcmlDocument document, Uri documentUrl, CancellationToken cancellationToken)
    {
        foreach (var verb in document.Verbs)
        {
            switch (verb)
            {
                case SayVerb say:
                    await PlayPromptsAsync(call, session, [VerbPrompts.Say(say)], cancellationToken);
                    break;
                case PlayVerb { Url: { OriginalString.Length: > 0 } audio } play:
                    await PlayPromptsAsync(call, session, [new AudioPrompt(Absolute(documentUrl, audio)) { Loop = play.Loop }], cancellationToken);
                    break;
                case PauseVerb pause:
                    await PlayPromptsAsync(call, session, [new SilencePrompt(pause.Length)], cancellationToken);
                    break;
                case RedirectVerb { Url: { } redirect } redirecting:
                    return (Absolute(documentUrl, redirect), redirecting.Method);
                default:
                    reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.WaitVerbNotAllowed,
                        $"<{verb.ElementName}> at {verb.Span} in a conference's wait or hold document: only Play, Say, Pause and Redirect run there; it was skipped"));
                    break;
            }
        }

        return null;
    }

    private Task PlayAudioAsync(IConferenceCall call, CallSession session, Uri url, CancellationToken cancellationToken) =>
        PlayPromptsAsync(call, session, [new AudioPrompt(url) { Loop = 0 }], cancellationToken);

    private async Task PlayPromptsAsync(IConferenceCall call, CallSession session, IReadOnlyList<Prompt> prompts, CancellationToken cancellationToken)
    {
        var result = await call.PlayAsync(prompts, interruptOnDigit: false, cancellationToken);
        foreach (var failure in result.Failures)
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.PromptFailed, $"conference wait or hold audio could not be played: {failure.Message}"));
        }
    }

    private static Uri Absolute(Uri documentUrl, Uri url) => url.IsAbsoluteUri ? url : new Uri(documentUrl, url);

    private static bool LooksLikeAudio(Uri url)
    {
        var path = url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString;
        return Array.Exists(AudioExtensions, e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    [LoggerMessage(EventId = LogEventRange.Execution + 100, Level = LogLevel.Warning, Message = "Call {CallSid}: the conference wait document redirected {Count} times in a row; the caller waits in silence")]
    private partial void LogRedirectLoop(string callSid, int count);
}
