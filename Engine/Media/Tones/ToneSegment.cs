namespace RcmlEngine.Media.Tones;

/// <summary>One step of a cadence: these frequencies summed (none for silence) for this long.</summary>
/// <param name="Duration">How long the step lasts.</param>
/// <param name="Frequencies">The frequencies in hertz, each at <paramref name="LevelDbm0"/>; empty is silence.</param>
/// <param name="LevelDbm0">The level of each frequency in dBm0.</param>
internal sealed record ToneSegment(TimeSpan Duration, IReadOnlyList<double> Frequencies, double LevelDbm0 = -13)
{
    /// <summary>A silent step.</summary>
    public static ToneSegment Silence(TimeSpan duration) => new(duration, Array.Empty<double>());
}
