using RcmlEngine.Calls.Digits;

namespace RcmlEngine.Calls.Speech;

/// <summary>How a speech (or speech and keys) input is collected.</summary>
internal sealed record SpeechInputOptions
{
    /// <summary>Twilio's longest speech input: 60 s.</summary>
    public static readonly TimeSpan DefaultMaxLength = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait, after the prompts, for the caller to start speaking (or pressing keys).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Quiet after speech that ends the utterance; null for <c>auto</c> (the endpointer decides).</summary>
    public TimeSpan? SpeechTimeout { get; init; }

    /// <summary>The longest utterance kept.</summary>
    public TimeSpan MaxLength { get; init; } = DefaultMaxLength;

    /// <summary>Keys are collected too, by these rules (<c>input="dtmf speech"</c>); null for speech only.</summary>
    public DigitCollectOptions? Digits { get; init; }
}
