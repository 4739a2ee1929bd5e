using RcmlEngine.Media.Resampling;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Media.Resampling;

[TestFixture]
public sealed class SincResamplerTests
{
    [TestCase(44100)]
    [TestCase(48000)]
    [TestCase(22050)]
    [TestCase(16000)]
    [TestCase(11025)]
    [TestCase(6000)]
    public void Resample_1kHzTone_KeepsFrequencyAndLevel(int inputRate)
    {
        var output = Resample(Sine(1000, 10000, inputRate, inputRate), inputRate, 8000);

        output.Length.Should().BeCloseTo(8000, 2, "one second in, one second out");
        var middle = output.AsSpan(1000, 6000);
        ToneAnalysis.DominantFrequency(middle).Should().Be(1000);
        ToneAnalysis.Amplitude(middle, 1000).Should().BeApproximately(10000, 150, "within 0.15 dB");
    }

    [TestCase(44100, 6000)]
    [TestCase(48000, 5000)]
    [TestCase(22050, 4500)]
    [TestCase(16000, 7000)]
    public void Resample_ToneAboveNewNyquist_IsRemovedNotAliased(int inputRate, int frequency)
    {
        var output = Resample(Sine(frequency, 10000, inputRate, inputRate), inputRate, 8000);

        var middle = output.AsSpan(1000, 6000);
        var alias = 8000 - frequency;
        var residue = Math.Max(ToneAnalysis.Rms(middle) * Math.Sqrt(2), ToneAnalysis.Amplitude(middle, alias));
        (20 * Math.Log10(residue / 10000)).Should().BeLessThan(-50, $"{frequency} Hz would alias to {alias} Hz");
    }

    [Test]
    public void Resample_Upsample8kTo16k_KeepsTone()
    {
        var output = Resample(Sine(1000, 8000, 8000, 8000), 8000, 16000);

        output.Length.Should().BeCloseTo(16000, 2);
        ToneAnalysis.Amplitude(output.AsSpan(2000, 12000), 1000, 16000).Should().BeApproximately(8000, 150);
    }

    [Test]
    public void Resample_InSmallPieces_EqualsOneGo()
    {
        var input = Sine(700, 9000, 22050, 22050);
        var whole = Resample(input, 22050, 8000);

        var resampler = new SincResampler(22050, 8000);
        var pieces = new List<float>();
        var buffer = new float[97];
        for (var i = 0; i < input.Length; i += 333)
        {
            resampler.Push(input.AsSpan(i, Math.Min(333, input.Length - i)));
            int n;
            while ((n = resampler.Pull(buffer)) > 0)
            {
                pieces.AddRange(buffer.Take(n));
            }
        }

        resampler.Finish();
        int last;
        while ((last = resampler.Pull(buffer)) > 0)
        {
            pieces.AddRange(buffer.Take(last));
        }

        pieces.Should().HaveCount(whole.Length);
        pieces.Zip(whole).Should().OnlyContain(p => Math.Abs(p.First - p.Second) <= 0.51, "the one-go output is rounded to whole samples");
    }

    private static float[] Sine(double frequency, double amplitude, int count, int rate) =>
        Enumerable.Range(0, count).Select(n => (float)(amplitude * Math.Sin(2 * Math.PI * frequency * n / rate))).ToArray();

    private static short[] Resample(float[] input, int from, int to)
    {
        var resampler = new SincResampler(from, to);
        resampler.Push(input);
        resampler.Finish();
        var output = new float[(input.Length * (long)to / from) + 16];
        var total = 0;
        int n;
        while ((n = resampler.Pull(output.AsSpan(total))) > 0)
        {
            total += n;
        }

        return output.Take(total).Select(f => (short)Math.Clamp(Math.Round(f), short.MinValue, short.MaxValue)).ToArray();
    }
}
