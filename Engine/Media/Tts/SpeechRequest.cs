namespace RcmlEngine.Media.Tts;

/// <summary>What <c>&lt;Say&gt;</c> asks for.</summary>
/// <param name="Text">The text (spoken as text, even when it looks like markup), or SSML when <paramref name="IsSsml"/>.</param>
/// <param name="Voice">Say's <c>voice</c> (man, woman, alice, Polly.*, Google.*), or null.</param>
/// <param name="Language">Say's <c>language</c> (BCP 47, e.g. en-US), or null.</param>
/// <param name="IsSsml">True when the text holds SSML markup to pass through.</param>
internal sealed record SpeechRequest(string Text, string? Voice = null, string? Language = null, bool IsSsml = false);
