namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Say&gt;</c>: speaks text to the caller.</summary>
internal sealed record SayVerb : RcmlVerb
{
    /// <summary>Twilio's default voice.</summary>
    public const string DefaultVoice = "man";

    /// <summary>Twilio's default language for the default voice.</summary>
    public const string DefaultLanguage = "en";

    /// <summary>The words to speak: SSML markup removed, runs of whitespace made one space, trimmed.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>The content with its SSML markup, when there is any markup; empty for plain text.</summary>
    public IReadOnlyList<SsmlNode> Ssml { get; init; } = [];

    /// <summary><c>voice</c>: <c>man</c>, <c>woman</c>, <c>alice</c>, <c>Polly.*</c>, <c>Google.*</c>.</summary>
    public string Voice { get; init; } = DefaultVoice;

    /// <summary><c>language</c>: a BCP-47 tag.</summary>
    public string Language { get; init; } = DefaultLanguage;

    /// <summary><c>loop</c>: how many times to speak; 0 repeats until the call ends.</summary>
    public int Loop { get; init; } = 1;

    /// <inheritdoc/>
    public override string ElementName => "Say";
}
