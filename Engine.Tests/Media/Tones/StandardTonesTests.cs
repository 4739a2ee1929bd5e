using RcmlEngine.Media;
using RcmlEngine.Media.Tones;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Media.Tones;

[TestFixture]
public sealed class StandardTonesTests
{
    [Test]
    public async Task Ringback_Us_Is440Plus480TwoSecondsOnFourOff()
    {
        var samples = await ReadAsync(StandardTones.Ringback("us", TimeSpan.FromSeconds(12)));

        samples.Length.Should().Be(96000);
        var on = samples.AsSpan(4000, 8000);
        ToneAnalysis.Amplitude(on, 440).Should().BeGreaterThan(1000);
        ToneAnalysis.Amplitude(on, 480).Should().BeGreaterThan(1000);
        ToneAnalysis.Amplitude(on, 425).Should().BeLessThan(400);
        ToneAnalysis.Rms(samples.AsSpan(16000, 32000)).Should().Be(0, "off from 2 s to 6 s");
        ToneAnalysis.Rms(samples.AsSpan(48000, 16000)).Should().BeGreaterThan(1000, "on again at 6 s");
    }

    [Test]
    public async Task Ringback_Uk_IsDoubleRing()
    {
        var samples = await ReadAsync(StandardTones.Ringback("gb", TimeSpan.FromSeconds(3)));

        Rms(samples, 0.0, 0.4).Should().BeGreaterThan(1000);
        Rms(samples, 0.4, 0.6).Should().Be(0);
        Rms(samples, 0.6, 1.0).Should().BeGreaterThan(1000);
        Rms(samples, 1.0, 3.0).Should().Be(0);
        ToneAnalysis.Amplitude(samples.AsSpan(0, 3200), 400).Should().BeGreaterThan(1000);
        ToneAnalysis.Amplitude(samples.AsSpan(0, 3200), 450).Should().BeGreaterThan(1000);
    }

    [TestCase("de", 425)]
    [TestCase("eu", 425)]
    [TestCase("fr", 440)]
    public async Task Ringback_Country_UsesItsFrequency(string country, int frequency)
    {
        var samples = await ReadAsync(StandardTones.Ringback(country, TimeSpan.FromSeconds(1)));

        ToneAnalysis.DominantFrequency(samples.AsSpan(0, 4000)).Should().BeApproximately(frequency, 10);
    }

    [Test]
    public async Task Ringback_UnknownCountry_IsTheNorthAmericanTone()
    {
        var unknown = await ReadAsync(StandardTones.Ringback("zz", TimeSpan.FromSeconds(1)));
        var us = await ReadAsync(StandardTones.Ringback("us", TimeSpan.FromSeconds(1)));

        unknown.Should().Equal(us);
    }

    [Test]
    public async Task Dtmf_Digit5_Is770And1336()
    {
        var samples = await ReadAsync(StandardTones.Dtmf("5"));

        samples.Length.Should().Be(1600, "100 ms tone and 100 ms gap");
        ToneAnalysis.Amplitude(samples.AsSpan(0, 800), 770).Should().BeGreaterThan(3000);
        ToneAnalysis.Amplitude(samples.AsSpan(0, 800), 1336).Should().BeGreaterThan(3000);
        ToneAnalysis.Amplitude(samples.AsSpan(0, 800), 697).Should().BeLessThan(1000);
    }

    [Test]
    public async Task Sine_Minus10Dbm0_HasTheG711Level()
    {
        var samples = await ReadAsync(StandardTones.Sine(1000, TimeSpan.FromSeconds(1), -10));

        ToneAnalysis.Rms(samples).Should().BeApproximately(MediaAudio.PeakOf(-10) / Math.Sqrt(2), 5);
        MediaAudio.PeakOf(3.17).Should().BeApproximately(32124, 100, "+3.17 dBm0 is G.711's largest sine");
    }

    [Test]
    public async Task Beep_IsHalfASecondOf1kHz()
    {
        var samples = await ReadAsync(StandardTones.Beep());

        samples.Length.Should().Be(4000);
        ToneAnalysis.DominantFrequency(samples).Should().Be(1000);
    }

    [Test]
    public async Task Silence_IsZeroOfTheLength()
    {
        var samples = await ReadAsync(StandardTones.Silence(TimeSpan.FromMilliseconds(250)));

        samples.Should().HaveCount(2000).And.OnlyContain(s => s == 0);
    }

    private static double Rms(short[] samples, double from, double to) =>
        ToneAnalysis.Rms(samples.AsSpan((int)(from * 8000) + 80, (int)((to - from) * 8000) - 160));

    private static async Task<short[]> ReadAsync(IAudioSource source)
    {
        await using (source)
        {
            return await AudioReading.ReadAllAsync(source);
        }
    }
}
