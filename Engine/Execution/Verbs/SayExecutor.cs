using RcmlEngine.Execution.Prompts;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary><c>&lt;Say&gt;</c>: answers, speaks the text <c>loop</c> times (0: until the call ends).</summary>
internal sealed class SayExecutor(PromptPlayer player) : IVerbExecutor<SayVerb>
{
    /// <inheritdoc />
    public async Task<VerbOutcome> ExecuteAsync(SayVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        var speech = VerbPrompts.Say(verb);
        var prompts = speech.Text.Length == 0 && speech.Ssml is null ? [] : new[] { speech };
        await player.PlayAsync(session, prompts, verb.ElementName, cancellationToken);
        return VerbOutcome.Continue;
    }
}
