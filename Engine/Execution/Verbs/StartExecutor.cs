using RcmlEngine.Execution.Reporting;
using RcmlEngine.Execution.Streams;
using RcmlEngine.Execution.Transcriptions;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// <c>&lt;Start&gt;</c>: answers the call and starts each <c>&lt;Stream&gt;</c> (forked audio to a WebSocket server)
/// and <c>&lt;Transcription&gt;</c> (real-time transcription to a status callback) in the background; the document
/// continues at once (or with <c>action</c>, when given). One that cannot start is reported and the call goes
/// on. Recording: 64001, not yet.
/// </summary>
internal sealed class StartExecutor(MediaStreamRunner streams, TranscriptionRunner transcriptions, CallIssueReporter reporter) : IVerbExecutor<StartVerb>
{
    /// <inheritdoc />
    public async Task<VerbOutcome> ExecuteAsync(StartVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(session);
        await session.Call.AnswerAsync(cancellationToken);
        foreach (var noun in verb.Nouns)
        {
            switch (noun)
            {
                case StreamNoun stream:
                    await streams.StartAsync(stream, session, bidirectional: false, cancellationToken);
                    break;
                case TranscriptionNoun transcription:
                    transcriptions.Start(transcription, session);
                    break;
                default:
                    StreamNounSkipping.Report(reporter, session, verb, noun);
                    break;
            }
        }

        return verb.Action is { OriginalString.Length: > 0 } action
            ? VerbOutcome.Navigate(new Navigation(session.Resolve(action), verb.Method))
            : VerbOutcome.Continue;
    }
}
