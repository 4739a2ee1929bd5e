using System.Globalization;
using Microsoft.Extensions.Logging;
using RcmlEngine.Calls;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Streams;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Execution.Streams;

/// <summary>
/// Opens a <c>&lt;Stream&gt;</c> on a call and watches it: connects the WebSocket client, taps the call's media,
/// sends the status callbacks (stream-started, stream-stopped, stream-error), and ends the stream on
/// <c>&lt;Stop&gt;</c>, the server's close, a failure, or the call's end, whichever comes first.
/// </summary>
internal sealed partial class MediaStreamRunner(
    ICallbackDispatcher callbacks, CallIssueReporter reporter, TimeProvider time, ILogger<MediaStreamRunner> logger)
{
    /// <summary>The bounds of each stream.</summary>
    public MediaStreamLimits Limits { get; init; } = MediaStreamLimits.Default;

    /// <summary>
    /// Starts <paramref name="noun"/> on the (answered) call. Returns null when it could not start: the
    /// reason was reported (debugger, and stream-error to its status callback), and the document goes on.
    /// </summary>
    public async Task<RunningStream?> StartAsync(StreamNoun noun, CallSession session, bool bidirectional, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(noun);
        ArgumentNullException.ThrowIfNull(session);
        if (session.Call is not IStreamableCall call)
        {
            reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.VerbNotSupported,
                $"<Stream> at {noun.Span}: this kind of call cannot stream its media; skipped"));
            return null;
        }

        if (noun.Url is not { IsAbsoluteUri: true, Scheme: "ws" or "wss" } url)
        {
            reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.VerbMissingContent,
                $"<Stream> at {noun.Span} has no ws:// or wss:// url; skipped"));
            return null;
        }

        var sid = TwilioSid.New("MZ");
        var name = noun.Name is { Length: > 0 } given ? given : sid;
        if (session.Streams.Contains(name))
        {
            reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.VerbMissingContent,
                $"<Stream> at {noun.Span}: a stream named '{name}' is already running on this call; this one was not started"));
            return null;
        }

        var start = new MediaStreamStart
        {
            Url = url,
            StreamSid = sid,
            AccountSid = session.Account.AccountSid,
            CallSid = session.CallSid,
            Tracks = bidirectional ? MediaStreamTracks.Inbound : TracksOf(noun.Track),
            CustomParameters = noun.Parameters,
            Bidirectional = bidirectional,
        };

        MediaStreamClient client;
        try
        {
            client = await MediaStreamClient.ConnectAsync(start, Limits, time, logger, cancellationToken);
        }
        catch (MediaStreamException exception)
        {
            reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.StreamConnectFailed,
                $"<Stream> at {noun.Span} did not start: {exception.Message}"));
            Callback(session, noun, sid, name, "stream-error", exception.Message);
            return null;
        }

        IDisposable tap;
        try
        {
            tap = call.TapMedia(client);
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
            // The call ended while the WebSocket was opening.
            await client.StopAsync();
            await client.DisposeAsync();
            Callback(session, noun, sid, name, "stream-stopped", null);
            return null;
        }

        var running = new RunningStream(client, name);
        session.Streams.TryAdd(running);
        Callback(session, noun, sid, name, "stream-started", null);
        running.Finished = WatchAsync(running, tap, noun, session);
        return running;
    }

    private async Task WatchAsync(RunningStream running, IDisposable tap, StreamNoun noun, CallSession session)
    {
        var client = running.Client;
        try
        {
            var callEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (session.Call.Lifecycle.Ended.Register(() => callEnded.TrySetResult()))
            {
                await Task.WhenAny(client.Ended, running.StopRequested, callEnded.Task);
            }

            tap.Dispose();
            await client.StopAsync();
            var end = await client.Ended;
            session.Streams.Remove(running);
            if (end.Reason == MediaStreamEndReason.Failed)
            {
                reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.StreamProtocolError,
                    $"<Stream> at {noun.Span} ({running.StreamSid}) ended: {end.Error}"));
                Callback(session, noun, running.StreamSid, running.Name, "stream-error", end.Error);
            }
            else
            {
                Callback(session, noun, running.StreamSid, running.Name, "stream-stopped", null);
            }
        }
#pragma warning disable CA1031 // A stream's failure must never reach the thread pool.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogWatchFailed(running.StreamSid, exception);
        }
        finally
        {
            tap.Dispose();
            session.Streams.Remove(running);
            await client.DisposeAsync();
        }
    }

    private void Callback(CallSession session, StreamNoun noun, string sid, string name, string streamEvent, string? error)
    {
        if (noun.StatusCallback is not { } url)
        {
            return;
        }

        var parameters = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", session.Account.AccountSid),
            new("CallSid", session.CallSid),
            new("StreamSid", sid),
            new("StreamName", name),
            new("StreamEvent", streamEvent),
            new("Timestamp", time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
        };
        if (error is not null)
        {
            parameters.Add(new("StreamError", error));
        }

        var request = new Webhooks.WebhookRequest(session.Resolve(url), Requests.HttpMethods.ToWebhookMethod(noun.StatusCallbackMethod),
            parameters, session.Account.AuthToken);
        callbacks.Enqueue(session.CallSid, request);
    }

    private static MediaStreamTracks TracksOf(StreamTrack track) => track switch
    {
        StreamTrack.OutboundTrack => MediaStreamTracks.Outbound,
        StreamTrack.BothTracks => MediaStreamTracks.Both,
        _ => MediaStreamTracks.Inbound,
    };
}
