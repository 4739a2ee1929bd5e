namespace RcmlEngine.Calls.Prompts;

/// <summary>Text spoken by the speech synthesizer (<c>&lt;Say&gt;</c>).</summary>
/// <param name="Text">The words, markup removed.</param>
/// <param name="Voice">The voice asked for (<c>man</c>, <c>woman</c>, <c>alice</c>, <c>Polly.Joanna</c>...).</param>
/// <param name="Language">A BCP-47 tag (<c>en</c>, <c>en-GB</c>, <c>fr-FR</c>).</param>
internal sealed record SpeechPrompt(string Text, string Voice, string Language) : Prompt
{
    /// <summary>
    /// The same content as an SSML document (<c>&lt;speak&gt;...&lt;/speak&gt;</c>) when the author used
    /// markup (<c>&lt;break&gt;</c>, <c>&lt;prosody&gt;</c>...); null for plain text.
    /// </summary>
    public string? Ssml { get; init; }
}
