namespace RcmlEngine.Calls.Digits;

/// <summary>When a digit collection ends (Twilio's <c>&lt;Gather&gt;</c> rules).</summary>
internal sealed record DigitCollectOptions
{
    /// <summary>
    /// Silence that ends the collection: counted from the end of the prompts, and again after each key.
    /// Default 5 s.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Keys that end the collection (not included in the digits); empty for none. Default <c>#</c>.</summary>
    public string FinishOnKey { get; init; } = "#";

    /// <summary>The collection ends once this many digits are in; null for no count.</summary>
    public int? NumDigits { get; init; }
}
