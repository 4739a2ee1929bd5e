namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Gather&gt;</c>: collects digits or speech while its nested verbs play.</summary>
internal sealed record GatherVerb : RcmlVerb
{
    /// <summary>Twilio's default <c>timeout</c>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Twilio's default <c>finishOnKey</c>.</summary>
    public const string DefaultFinishOnKey = "#";

    /// <summary>Twilio's default <c>language</c> for speech recognition.</summary>
    public const string DefaultLanguage = "en-US";

    /// <summary><c>action</c>: where the input is sent; null means the current document's URL.</summary>
    public Uri? Action { get; init; }

    /// <summary><c>method</c> for <see cref="Action"/>.</summary>
    public RcmlHttpMethod Method { get; init; } = RcmlHttpMethod.Post;

    /// <summary><c>timeout</c>: silence after the last input (or after the prompts) that ends the gather.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary><c>finishOnKey</c>: the key that ends input, or empty for none.</summary>
    public string FinishOnKey { get; init; } = DefaultFinishOnKey;

    /// <summary><c>numDigits</c>: input ends after this many digits; null for no limit.</summary>
    public int? NumDigits { get; init; }

    /// <summary><c>input</c>.</summary>
    public GatherInput Input { get; init; } = GatherInput.Dtmf;

    /// <summary><c>actionOnEmptyResult</c>: request the action even when nothing was entered.</summary>
    public bool ActionOnEmptyResult { get; init; }

    /// <summary><c>partialResultCallback</c>: receives interim speech results.</summary>
    public Uri? PartialResultCallback { get; init; }

    /// <summary><c>partialResultCallbackMethod</c>.</summary>
    public RcmlHttpMethod PartialResultCallbackMethod { get; init; } = RcmlHttpMethod.Post;

    /// <summary><c>speechTimeout</c>; null means the same as <see cref="Timeout"/>.</summary>
    public SpeechTimeout? SpeechTimeout { get; init; }

    /// <summary><c>hints</c>: words and phrases likely to be spoken, comma separated.</summary>
    public string? Hints { get; init; }

    /// <summary><c>language</c> of the expected speech (BCP-47).</summary>
    public string Language { get; init; } = DefaultLanguage;

    /// <summary><c>profanityFilter</c>: mask profanities in speech results.</summary>
    public bool ProfanityFilter { get; init; } = true;

    /// <summary>The nested verbs played while waiting (the validator allows Say, Play and Pause).</summary>
    public IReadOnlyList<RcmlVerb> Children { get; init; } = [];

    /// <inheritdoc/>
    public override string ElementName => "Gather";
}
