namespace RcmlEngine.Media.Sessions;

/// <summary>How to collect digits (Gather's <c>numDigits</c>, <c>finishOnKey</c>, <c>timeout</c>).</summary>
internal sealed record DigitCollectOptions
{
    /// <summary>Stop after this many digits; 0 for no limit.</summary>
    public int MaxDigits { get; init; }

    /// <summary>Keys that end the collection; the key itself is not part of the digits. Empty for none.</summary>
    public string FinishOnKeys { get; init; } = "#";

    /// <summary>How long to wait for the first digit.</summary>
    public TimeSpan FirstDigitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for each following digit.</summary>
    public TimeSpan InterDigitTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
