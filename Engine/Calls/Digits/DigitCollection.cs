using RcmlEngine.Calls.Prompts;

namespace RcmlEngine.Calls.Digits;

/// <summary>What a digit collection produced.</summary>
/// <param name="Digits">The keys entered, finish key excluded; empty when none.</param>
/// <param name="EndedBy">Why it ended.</param>
/// <param name="FinishKey">The finish key pressed, when <paramref name="EndedBy"/> is <see cref="DigitCollectionEnd.FinishKey"/>.</param>
internal sealed record DigitCollection(string Digits, DigitCollectionEnd EndedBy, char? FinishKey = null)
{
    /// <summary>Prompts that could not be played while waiting (an audio URL that failed...).</summary>
    public IReadOnlyList<PromptFailure> PromptFailures { get; init; } = [];
}
