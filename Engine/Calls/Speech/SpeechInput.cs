using RcmlEngine.Calls.Digits;
using RcmlEngine.Calls.Prompts;

namespace RcmlEngine.Calls.Speech;

/// <summary>What a speech input collected: keys, an utterance to recognize, words already known, or nothing.</summary>
internal sealed record SpeechInput
{
    /// <summary>Nothing was said or pressed.</summary>
    public static SpeechInput Nothing { get; } = new();

    /// <summary>Keys, when the caller pressed keys first (<c>input="dtmf speech"</c>).</summary>
    public DigitCollection? Digits { get; init; }

    /// <summary>The utterance's audio (8 kHz, 16-bit mono), when the caller spoke.</summary>
    public short[]? Utterance { get; init; }

    /// <summary>The words said, when the call already knows them (the virtual phone's typed speech).</summary>
    public string? Transcript { get; init; }

    /// <summary>Prompts that could not be played while waiting.</summary>
    public IReadOnlyList<PromptFailure> PromptFailures { get; init; } = [];
}
