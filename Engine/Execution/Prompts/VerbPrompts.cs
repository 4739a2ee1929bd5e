using RcmlEngine.Calls.Prompts;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Prompts;

/// <summary>What the caller hears for <c>Say</c>, <c>Play</c> and <c>Pause</c>, as prompts for the call.</summary>
internal static class VerbPrompts
{
    /// <summary>The speech of a <c>&lt;Say&gt;</c>, with its SSML when it has markup.</summary>
    public static SpeechPrompt Say(SayVerb say)
    {
        ArgumentNullException.ThrowIfNull(say);
        return new SpeechPrompt(say.Text, say.Voice, say.Language)
        {
            Loop = say.Loop,
            Ssml = say.Ssml.Count > 0 ? SsmlWriter.Write(say.Ssml, say.Language) : null,
        };
    }

    /// <summary>
    /// The prompts of a <c>&lt;Play&gt;</c>: its <c>digits</c> (sent once), then its audio (looped);
    /// empty when it has neither. Relative URLs resolve against the current document.
    /// </summary>
    public static IReadOnlyList<Prompt> Play(PlayVerb play, CallSession session)
    {
        ArgumentNullException.ThrowIfNull(play);
        ArgumentNullException.ThrowIfNull(session);
        var prompts = new List<Prompt>(2);
        if (!string.IsNullOrEmpty(play.Digits))
        {
            prompts.Add(new DigitsPrompt(play.Digits));
        }

        if (play.Url is { OriginalString.Length: > 0 } url)
        {
            prompts.Add(new AudioPrompt(session.Resolve(url)) { Loop = play.Loop });
        }

        return prompts;
    }

    /// <summary>The silence of a <c>&lt;Pause&gt;</c>.</summary>
    public static SilencePrompt Pause(PauseVerb pause)
    {
        ArgumentNullException.ThrowIfNull(pause);
        return new SilencePrompt(pause.Length);
    }

    /// <summary>The prompts of the verbs nested in a <c>&lt;Gather&gt;</c>, in order (others are ignored; the validator reports them).</summary>
    public static IReadOnlyList<Prompt> Nested(GatherVerb gather, CallSession session)
    {
        ArgumentNullException.ThrowIfNull(gather);
        var prompts = new List<Prompt>(gather.Children.Count);
        foreach (var child in gather.Children)
        {
            switch (child)
            {
                case SayVerb say:
                    prompts.Add(Say(say));
                    break;
                case PlayVerb play:
                    prompts.AddRange(Play(play, session));
                    break;
                case PauseVerb pause:
                    prompts.Add(Pause(pause));
                    break;
            }
        }

        return prompts;
    }
}
