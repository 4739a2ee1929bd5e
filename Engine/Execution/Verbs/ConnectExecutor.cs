using RcmlEngine.Calls;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Execution.Streams;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// <c>&lt;Connect&gt;&lt;Stream&gt;</c>: a bidirectional stream. The caller's audio goes to the server, the server's
/// <c>media</c> is played to the caller (its marks echoed, <c>clear</c> obeyed), and the document waits until
/// the WebSocket closes, then fetches <c>action</c> or runs the next verb. A server that cannot be reached is
/// reported and the document goes on the same way. Other nouns (ConversationRelay...): 64001.
/// </summary>
internal sealed class ConnectExecutor(MediaStreamRunner streams, CallIssueReporter reporter) : IVerbExecutor<ConnectVerb>
{
    /// <inheritdoc />
    public async Task<VerbOutcome> ExecuteAsync(ConnectVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(session);
        await session.Call.AnswerAsync(cancellationToken);
        foreach (var noun in verb.Nouns)
        {
            if (noun is StreamNoun stream)
            {
                await RunAsync(stream, session, cancellationToken);
            }
            else
            {
                StreamNounSkipping.Report(reporter, session, verb, noun);
            }
        }

        return verb.Action is { OriginalString.Length: > 0 } action
            ? VerbOutcome.Navigate(new Navigation(session.Resolve(action), verb.Method))
            : VerbOutcome.Continue;
    }

    private async Task RunAsync(StreamNoun noun, CallSession session, CancellationToken cancellationToken)
    {
        if (await streams.StartAsync(noun, session, bidirectional: true, cancellationToken) is not { } running)
        {
            return;
        }

        try
        {
            using var playing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var playback = ((IStreamableCall)session.Call).PlayLiveAsync(running.Client.Playback!, playing.Token);
            await Task.WhenAny(running.Client.Ended, playback);
            await playing.CancelAsync();
            try
            {
                await playback;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The stream ended: its audio stops with it.
            }
        }
        finally
        {
            // The caller hung up, or the document was redirected from outside: the stream ends too.
            running.RequestStop();
            await running.Finished;
        }
    }
}
