namespace RcmlEngine.Calls.Prompts;

/// <summary>Silence on the line (<c>&lt;Pause&gt;</c>).</summary>
/// <param name="Length">How long.</param>
internal sealed record SilencePrompt(TimeSpan Length) : Prompt;
