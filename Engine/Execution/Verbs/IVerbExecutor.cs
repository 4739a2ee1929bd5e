using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>Carries out one kind of verb on a call. One implementation per verb type of the AST.</summary>
/// <typeparam name="TVerb">The verb.</typeparam>
internal interface IVerbExecutor<in TVerb>
    where TVerb : RcmlVerb
{
    /// <summary>
    /// Runs <paramref name="verb"/> on <paramref name="session"/>'s call. Throws
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> (the call's:
    /// cancelled on hang-up and at the duration limit) is cancelled.
    /// </summary>
    Task<VerbOutcome> ExecuteAsync(TVerb verb, CallSession session, CancellationToken cancellationToken);
}
