using RcmlEngine.Calls.Digits;
using RcmlEngine.Execution.Verbs;
using RcmlEngine.Media.Speech;

namespace RcmlEngine.Tests.Execution.Verbs;

[TestFixture]
public sealed class GatherParametersTests
{
    [Test]
    public void OfSpeech_Recognized_SpeechResultAndConfidenceByTwilioNames()
    {
        var parameters = GatherParameters.OfSpeech(SpeechRecognition.Of("billing", 0.91234567));

        parameters.Should().Equal([new KeyValuePair<string, string>("SpeechResult", "billing"), new("Confidence", "0.9123")]);
    }

    [Test]
    public void OfSpeech_NothingRecognized_EmptyResultZeroConfidence()
    {
        GatherParameters.OfSpeech(SpeechRecognition.NoSpeech)
            .Should().Equal([new KeyValuePair<string, string>("SpeechResult", string.Empty), new("Confidence", "0.0")]);
    }

    [Test]
    public void OfDigits_FinishKey_DigitsAndFinishedOnKey()
    {
        GatherParameters.OfDigits(new DigitCollection("12", DigitCollectionEnd.FinishKey, '#'))
            .Should().Equal([new KeyValuePair<string, string>("Digits", "12"), new("FinishedOnKey", "#")]);
    }
}
