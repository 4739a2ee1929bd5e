namespace RcmlEngine.Tests.Support;

/// <summary>Signal checks for audio captured in tests: RMS level, Goertzel power, dominant frequency.</summary>
internal static class ToneAnalysis
{
    /// <summary>The root-mean-square level of the samples.</summary>
    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return 0;
        }

        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>The amplitude of one frequency in the samples (Goertzel), in the units of the samples.</summary>
    public static double Amplitude(ReadOnlySpan<short> samples, double frequency, int sampleRate = 8000)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0, beforePrevious = 0;
        foreach (var s in samples)
        {
            var current = s + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        var power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return 2 * Math.Sqrt(Math.Max(power, 0)) / samples.Length;
    }

    /// <summary>The frequency with the largest amplitude among 10 Hz steps from 100 to 3900 Hz.</summary>
    public static double DominantFrequency(ReadOnlySpan<short> samples, int sampleRate = 8000)
    {
        var best = 0.0;
        var bestAmplitude = -1.0;
        for (var f = 100.0; f < 3900; f += 10)
        {
            var amplitude = Amplitude(samples, f, sampleRate);
            if (amplitude > bestAmplitude)
            {
                (best, bestAmplitude) = (f, amplitude);
            }
        }

        return best;
    }

    /// <summary>A sine of <paramref name="count"/> samples at a frequency and peak amplitude.</summary>
    public static short[] Sine(double frequency, double peak, int count, int sampleRate = 8000) =>
        Enumerable.Range(0, count).Select(n => (short)Math.Round(peak * Math.Sin(2 * Math.PI * frequency * n / sampleRate))).ToArray();
}
