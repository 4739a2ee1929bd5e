using RcmlEngine.Media.Speech;

namespace RcmlEngine.Tests.Media.Speech;

[TestFixture]
public sealed class PocketSphinxModelTests
{
    [Test]
    public void Narrowband_WidebandParams_UpperFrequencyBelowNyquistOf8kHz()
    {
        var rewritten = PocketSphinxModel.Narrowband("-lowerf 130\n-upperf 6800\n-nfilt 25\n", 3800);

        rewritten.Should().Be("-lowerf 130\n-upperf 3800\n-nfilt 25\n");
    }

    [Test]
    public void Narrowband_NoUpperFrequency_Appended()
    {
        PocketSphinxModel.Narrowband("-nfilt 25\n", 3800).Should().Be("-nfilt 25\n-upperf 3800\n");
    }
}
