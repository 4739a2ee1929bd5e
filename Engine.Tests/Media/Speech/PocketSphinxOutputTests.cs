using RcmlEngine.Media.Speech;

namespace RcmlEngine.Tests.Media.Speech;

[TestFixture]
public sealed class PocketSphinxOutputTests
{
    [Test]
    public void Parse_FreeSpeechWithTimes_WordsWithoutFillersAndMeanConfidence()
    {
        const string output = """
            please call me back
            <s> 0.000 0.130 1.000100
            please 0.140 0.480 0.800000
            <sil> 0.490 0.540 0.999100
            call(2) 0.550 0.900 0.600000
            [NOISE] 0.910 0.950 0.500000
            me 0.960 1.100 0.700000
            back 1.110 1.490 0.900000
            </s> 1.620 1.760 1.000000
            """;

        var result = PocketSphinxOutput.Parse(output);

        result.Status.Should().Be(SpeechRecognitionStatus.Recognized);
        result.Text.Should().Be("please call me back");
        result.Confidence.Should().BeApproximately(0.75, 1e-9);
    }

    [Test]
    public void Parse_TwoUtterances_WordsOfBoth()
    {
        var result = PocketSphinxOutput.Parse("billing\nbilling 0.000 0.310 1.000000\nsales\nsales 1.0 1.3 0.5\n");

        result.Text.Should().Be("billing sales");
        result.Confidence.Should().BeApproximately(0.75, 1e-9);
    }

    [Test]
    public void Parse_OnlySilence_NoSpeech()
    {
        var result = PocketSphinxOutput.Parse("\n<sil> 0.000 1.000 1.000000\n");

        result.Status.Should().Be(SpeechRecognitionStatus.NoSpeech);
        result.HasText.Should().BeFalse();
    }
}
