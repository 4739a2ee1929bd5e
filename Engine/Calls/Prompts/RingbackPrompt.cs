namespace RcmlEngine.Calls.Prompts;

/// <summary>
/// Ringback (the ringing a caller hears while <c>&lt;Dial&gt;</c> rings the other party), in the cadence of
/// <paramref name="Country"/> (Dial's <c>ringTone</c>; null: North American). Plays until the playback is
/// cancelled.
/// </summary>
/// <param name="Country">A ringTone country code (<c>us</c>, <c>uk</c>, <c>de</c>...), or null.</param>
internal sealed record RingbackPrompt(string? Country) : Prompt;
