using RcmlEngine.Calls.Prompts;

namespace RcmlEngine.Calls.Speech;

/// <summary>
/// A call that can listen for speech (<c>&lt;Gather input="speech"&gt;</c>): the SIP leg hands the caller's
/// audio to an endpointer; the virtual phone takes typed words as speech. Recognition is not done
/// here: the call returns the utterance's audio and the interpreter queues it for recognition.
/// </summary>
internal interface ISpeechCall : ICall
{
    /// <summary>
    /// Drops keys pressed before it started, plays <paramref name="prompts"/> until speech starts (or a
    /// key, when keys are also wanted), then waits up to <see cref="SpeechInputOptions.Timeout"/> for
    /// input: an utterance (ended by <see cref="SpeechInputOptions.SpeechTimeout"/> of quiet) or keys
    /// (collected per <see cref="SpeechInputOptions.Digits"/>), whichever starts first.
    /// </summary>
    Task<SpeechInput> CollectSpeechAsync(IReadOnlyList<Prompt> prompts, SpeechInputOptions options, CancellationToken cancellationToken);
}
