using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// <c>&lt;Stop&gt;</c>: stops each named <c>&lt;Stream&gt;</c> (the server gets <c>stop</c>, the status callback
/// stream-stopped) before the next verb runs, and each named <c>&lt;Transcription&gt;</c> (it stops listening at
/// once; its last utterance is still recognized, then transcription-stopped is posted). A name that runs
/// nothing is a warning.
/// </summary>
internal sealed class StopExecutor(CallIssueReporter reporter) : IVerbExecutor<StopVerb>
{
    /// <inheritdoc />
    public async Task<VerbOutcome> ExecuteAsync(StopVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(session);
        foreach (var noun in verb.Nouns)
        {
            switch (noun)
            {
                case StreamNoun stream:
                    await StopStreamAsync(stream, session, cancellationToken);
                    break;
                case TranscriptionNoun transcription:
                    StopTranscription(transcription, session);
                    break;
                default:
                    StreamNounSkipping.Report(reporter, session, verb, noun);
                    break;
            }
        }

        return VerbOutcome.Continue;
    }

    private async Task StopStreamAsync(StreamNoun stream, CallSession session, CancellationToken cancellationToken)
    {
        if (stream.Name is not { Length: > 0 } name || session.Streams.Remove(name) is not { } running)
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.VerbMissingContent,
                $"<Stop><Stream name=\"{stream.Name}\"> at {stream.Span}: no stream of that name runs on this call"));
            return;
        }

        running.RequestStop();
        await running.Finished.WaitAsync(cancellationToken);
    }

    // Not awaited: recognizing the last utterance must not hold the document up.
    private void StopTranscription(TranscriptionNoun transcription, CallSession session)
    {
        if (transcription.Name is not { Length: > 0 } name || session.Transcriptions.Remove(name) is not { } running)
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.VerbMissingContent,
                $"<Stop><Transcription name=\"{transcription.Name}\"> at {transcription.Span}: no transcription of that name runs on this call"));
            return;
        }

        running.RequestStop();
    }
}
