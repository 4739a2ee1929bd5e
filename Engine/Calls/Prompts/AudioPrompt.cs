namespace RcmlEngine.Calls.Prompts;

/// <summary>An audio file fetched from <paramref name="Url"/> (<c>&lt;Play&gt;</c>): WAV, MP3 or anything ffmpeg reads.</summary>
/// <param name="Url">Absolute http or https URL.</param>
internal sealed record AudioPrompt(Uri Url) : Prompt;
