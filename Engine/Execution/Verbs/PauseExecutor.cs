using RcmlEngine.Execution.Prompts;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary><c>&lt;Pause&gt;</c>: answers, then silence for <c>length</c>.</summary>
internal sealed class PauseExecutor(PromptPlayer player) : IVerbExecutor<PauseVerb>
{
    /// <inheritdoc />
    public async Task<VerbOutcome> ExecuteAsync(PauseVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        await player.PlayAsync(session, [VerbPrompts.Pause(verb)], verb.ElementName, cancellationToken);
        return VerbOutcome.Continue;
    }
}
