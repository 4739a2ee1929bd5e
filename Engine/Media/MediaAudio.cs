namespace RcmlEngine.Media;

/// <summary>The engine's internal audio format, and level helpers for it.</summary>
internal static class MediaAudio
{
    /// <summary>Samples per second everywhere inside the engine (G.711's rate).</summary>
    public const int SampleRate = 8000;

    /// <summary>
    /// The peak of a 0 dBm0 sine in 16-bit samples: G.711's largest sine (peak 32124) is +3.17 dBm0
    /// (ITU-T G.711 Tables 1 and 2), so 0 dBm0 is that peak lowered by 3.17 dB.
    /// </summary>
    public const double ZeroDbm0Peak = 22_300;

    /// <summary>The peak amplitude of a sine at <paramref name="dbm0"/>.</summary>
    public static double PeakOf(double dbm0) => ZeroDbm0Peak * Math.Pow(10, dbm0 / 20);

    /// <summary>The number of samples in a duration (rounded down).</summary>
    public static int SamplesOf(TimeSpan duration) => (int)(duration.Ticks * SampleRate / TimeSpan.TicksPerSecond);

    /// <summary>The duration of a number of samples.</summary>
    public static TimeSpan DurationOf(long samples) => TimeSpan.FromTicks(samples * TimeSpan.TicksPerSecond / SampleRate);
}
