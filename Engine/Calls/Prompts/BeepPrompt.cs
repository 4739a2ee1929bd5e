namespace RcmlEngine.Calls.Prompts;

/// <summary>The short tone that tells the caller a recording starts (<c>&lt;Record playBeep&gt;</c>).</summary>
internal sealed record BeepPrompt : Prompt;
