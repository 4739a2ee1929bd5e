namespace RcmlEngine.Calls.Prompts;

/// <summary>How a playback ended.</summary>
/// <param name="InterruptedBy">The key that stopped it (still unread in the digit buffer); null when it played to the end.</param>
internal sealed record PlaybackResult(char? InterruptedBy)
{
    /// <summary>Played to the end, nothing failed.</summary>
    public static PlaybackResult Finished { get; } = new((char?)null);

    /// <summary>
    /// When the last prompt ended, if the implementation knows it more exactly than "when the method
    /// returned" (a Gather's silence timeout counts from here); null for now.
    /// </summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Prompts that could not be played and were skipped.</summary>
    public IReadOnlyList<PromptFailure> Failures { get; init; } = [];
}
