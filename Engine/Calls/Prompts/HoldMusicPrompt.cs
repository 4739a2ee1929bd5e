namespace RcmlEngine.Calls.Prompts;

/// <summary>
/// The engine's own music for callers who wait (a conference's default <c>waitUrl</c>, a held participant):
/// a gentle tune that repeats until the playback is stopped.
/// </summary>
internal sealed record HoldMusicPrompt : Prompt;
