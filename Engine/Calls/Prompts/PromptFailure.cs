namespace RcmlEngine.Calls.Prompts;

/// <summary>A prompt that could not be played (skipped; the rest went on).</summary>
/// <param name="Prompt">Which one.</param>
/// <param name="ErrorCode">A Twilio-like code (11200 for an audio URL that failed...).</param>
/// <param name="Message">What went wrong, for the log and the debugger.</param>
internal sealed record PromptFailure(Prompt Prompt, int ErrorCode, string Message);
