namespace RcmlEngine.Calls.Prompts;

/// <summary>
/// Something the caller hears. The media layer turns each kind into audio; the virtual phone describes it.
/// <see cref="Loop"/> repeats it: 1 plays it once, 0 repeats it until the call ends or the playback is interrupted.
/// </summary>
internal abstract record Prompt
{
    /// <summary>How many times to play it; 0 repeats until the call ends (or a digit interrupts).</summary>
    public int Loop { get; init; } = 1;
}
