using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// Hands each verb to its executor. One arm per verb type of the AST; a test proves none is missing.
/// </summary>
internal sealed class VerbDispatcher(
    SayExecutor say,
    PlayExecutor play,
    PauseExecutor pause,
    GatherExecutor gather,
    RecordExecutor record,
    RedirectExecutor redirect,
    HangupExecutor hangup,
    RejectExecutor reject,
    DialExecutor dial,
    EnqueueExecutor enqueue,
    LeaveExecutor leave,
    ReferExecutor refer,
    StartExecutor start,
    StopExecutor stop,
    ConnectExecutor connect)
{
    /// <summary>Runs <paramref name="verb"/> with its executor.</summary>
    /// <exception cref="NotSupportedException">A verb type without executor (a bug the dispatch test catches).</exception>
    public Task<VerbOutcome> ExecuteAsync(RcmlVerb verb, CallSession session, CancellationToken cancellationToken) => verb switch
    {
        SayVerb v => say.ExecuteAsync(v, session, cancellationToken),
        PlayVerb v => play.ExecuteAsync(v, session, cancellationToken),
        PauseVerb v => pause.ExecuteAsync(v, session, cancellationToken),
        GatherVerb v => gather.ExecuteAsync(v, session, cancellationToken),
        RecordVerb v => record.ExecuteAsync(v, session, cancellationToken),
        RedirectVerb v => redirect.ExecuteAsync(v, session, cancellationToken),
        HangupVerb v => hangup.ExecuteAsync(v, session, cancellationToken),
        RejectVerb v => reject.ExecuteAsync(v, session, cancellationToken),
        DialVerb v => dial.ExecuteAsync(v, session, cancellationToken),
        EnqueueVerb v => enqueue.ExecuteAsync(v, session, cancellationToken),
        LeaveVerb v => leave.ExecuteAsync(v, session, cancellationToken),
        ReferVerb v => refer.ExecuteAsync(v, session, cancellationToken),
        StartVerb v => start.ExecuteAsync(v, session, cancellationToken),
        StopVerb v => stop.ExecuteAsync(v, session, cancellationToken),
        ConnectVerb v => connect.ExecuteAsync(v, session, cancellationToken),
        _ => throw new NotSupportedException($"no executor for <{verb?.ElementName}> ({verb?.GetType().Name})"),
    };
}
