using System.Diagnostics;
using System.Globalization;
using NAudio.Dsp;
using RcmlEngine.Media.Resampling;

namespace RcmlEngine.Benchmarks.Media.NAudio;

/// <summary>
/// <c>naudio-resampler-quality</c>: the engine's resampler tests' measures (1 kHz level error, residue of a
/// tone above the new Nyquist frequency, which must be under -50 dB) for <see cref="SincResampler"/> and
/// NAudio's WDL resampler in sinc mode at several filter sizes, with the time for one second of 44.1 kHz
/// input (median of 21 runs after 5 warm-up runs; a stopwatch, not BenchmarkDotNet). Figures go to docs/performance.md, "NAudio".
/// </summary>
internal static class ResamplerQualityRun
{
    private static readonly int[] LevelRates = [44100, 22050, 16000];
    private static readonly int[] WdlTaps = [64, 128, 256];
    private static readonly (int Rate, int Frequency)[] AliasCases = [(44100, 6000), (48000, 5000), (22050, 4500), (16000, 7000)];

    public static int Run()
    {
        Console.WriteLine("| resampler | 1 kHz level error (dB, worst of 44.1k/22.05k/16k) | alias residue 44.1k/6k, 48k/5k, 22.05k/4.5k, 16k/7k (dB) | 1 s of 44.1 kHz (ms) |");
        Console.WriteLine("| --- | --- | --- | --- |");
        Report("engine SincResampler (16 zero crossings)", (input, rate) => Own(input, rate));
        foreach (var taps in WdlTaps)
        {
            Report($"NAudio WdlResampler sinc {taps}", (input, rate) => Wdl(input, rate, taps));
        }

        return 0;
    }

    private static void Report(string name, Func<float[], int, float[]> resample)
    {
        var level = LevelRates.Max(rate =>
        {
            var output = resample(Sine(1000, rate), rate);
            return Math.Abs(20 * Math.Log10(Amplitude(output.AsSpan(1000, 6000), 1000) / 10000));
        });
        var residues = AliasCases.Select(c =>
        {
            var middle = resample(Sine(c.Frequency, c.Rate), c.Rate).AsSpan(1000, 6000);
            var residue = Math.Max(Rms(middle) * Math.Sqrt(2), Amplitude(middle, 8000 - c.Frequency));
            return (20 * Math.Log10(residue / 10000)).ToString("F1", CultureInfo.InvariantCulture);
        });
        var input = Sine(1000, 44100);
        for (var i = 0; i < 5; i++)
        {
            resample(input, 44100);
        }

        var times = Enumerable.Range(0, 21).Select(_ =>
        {
            var watch = Stopwatch.StartNew();
            resample(input, 44100);
            return watch.Elapsed.TotalMilliseconds;
        }).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {level:F3} | {string.Join(" / ", residues)} | {times[10]:F2} |"));
    }

    private static float[] Own(float[] input, int rate)
    {
        var resampler = new SincResampler(rate, 8000);
        resampler.Push(input);
        resampler.Finish();
        var output = new float[8100];
        var total = 0;
        int n;
        while ((n = resampler.Pull(output.AsSpan(total))) > 0)
        {
            total += n;
        }

        return output[..total];
    }

    private static float[] Wdl(float[] input, int rate, int taps)
    {
        var resampler = new WdlResampler();
        resampler.SetMode(true, 0, true, taps, 32);
        resampler.SetFeedMode(true);
        resampler.SetRates(rate, 8000);
        var output = new float[8100];
        var total = 0;
        for (var offset = 0; offset < input.Length; offset += 1024)
        {
            var count = Math.Min(1024, input.Length - offset);
            var wanted = resampler.ResamplePrepare(count, 1, out var buffer);
            input.AsSpan(offset, Math.Min(count, wanted)).CopyTo(buffer);
            total += resampler.ResampleOut(output.AsSpan(total), Math.Min(count, wanted), output.Length - total, 1);
        }

        return output[..total];
    }

    private static float[] Sine(double frequency, int rate) =>
        [.. Enumerable.Range(0, rate).Select(n => (float)(10000 * Math.Sin(2 * Math.PI * frequency * n / rate)))];

    private static double Rms(ReadOnlySpan<float> samples)
    {
        var sum = 0.0;
        foreach (var s in samples)
        {
            sum += s * (double)s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    // The amplitude of one frequency by correlation with a sine and a cosine (8 kHz samples).
    private static double Amplitude(ReadOnlySpan<float> samples, double frequency)
    {
        double re = 0, im = 0;
        for (var n = 0; n < samples.Length; n++)
        {
            var phase = 2 * Math.PI * frequency * n / 8000;
            re += samples[n] * Math.Cos(phase);
            im += samples[n] * Math.Sin(phase);
        }

        return 2 * Math.Sqrt((re * re) + (im * im)) / samples.Length;
    }
}
