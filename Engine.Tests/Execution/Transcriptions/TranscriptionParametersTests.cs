using System.Text.Json;
using RcmlEngine.Execution;
using RcmlEngine.Execution.Transcriptions;
using RcmlEngine.Media.Speech;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Tests.Execution.Transcriptions;

[TestFixture]
public sealed class TranscriptionParametersTests
{
    private const string Sid = "GT0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset At = new(2026, 12, 8, 1, 2, 3, 456, TimeSpan.Zero);

    [Test]
    public void Started_NounAttributes_TwilioNamesAndValues()
    {
        var noun = new TranscriptionNoun { LanguageCode = "en-GB", PartialResults = true, TranscriptionEngine = "google" };

        var started = Map(new TranscriptionParameters(noun, "AC1", "CA1", Sid).Started(1, At));

        started.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["AccountSid"] = "AC1",
            ["CallSid"] = "CA1",
            ["TranscriptionSid"] = Sid,
            ["Timestamp"] = "2026-12-08T01:02:03.456Z",
            ["TranscriptionEvent"] = "transcription-started",
            ["ProviderName"] = TranscriptionParameters.Provider,
            ["SequenceId"] = "1",
            ["LanguageCode"] = "en-GB",
            ["PartialResults"] = "true",
            ["TranscriptionEngine"] = "google",
        });
    }

    [Test]
    public void Content_Recognition_FinalInboundTrackWithTranscriptAndConfidence()
    {
        var parameters = new TranscriptionParameters(new TranscriptionNoun(), "AC1", "CA1", Sid);

        var content = Map(parameters.Content(2, At, SpeechRecognition.Of("the weather is nice", 0.87654)));

        content["TranscriptionEvent"].Should().Be("transcription-content");
        content["SequenceId"].Should().Be("2");
        content["Final"].Should().Be("true");
        content["Track"].Should().Be("inbound_track");
        content["LanguageCode"].Should().Be("en-US", "Twilio's default languageCode");
        using var data = JsonDocument.Parse(content["TranscriptionData"]);
        data.RootElement.GetProperty("transcript").GetString().Should().Be("the weather is nice");
        data.RootElement.GetProperty("confidence").GetDouble().Should().Be(0.8765);
    }

    [Test]
    public void Stopped_AnyNoun_OnlyTheCommonParameters()
    {
        var stopped = Map(new TranscriptionParameters(new TranscriptionNoun { PartialResults = true }, "AC1", "CA1", Sid).Stopped(3, At));

        stopped.Keys.Should().BeEquivalentTo("AccountSid", "CallSid", "TranscriptionSid", "Timestamp", "TranscriptionEvent", "ProviderName", "SequenceId");
        stopped["TranscriptionEvent"].Should().Be("transcription-stopped");
    }

    [Test]
    public void Error_UnsupportedLanguage_ErrorTextAndCode()
    {
        var error = Map(new TranscriptionParameters(new TranscriptionNoun(), "AC1", "CA1", Sid)
            .Error(1, At, "no speech model for languageCode \"fr-FR\" is installed", ExecutionErrorCode.SpeechNotRecognized));

        error["TranscriptionEvent"].Should().Be("transcription-error");
        error["TranscriptionError"].Should().Contain("fr-FR");
        error["TranscriptionErrorCode"].Should().Be("64002");
    }

    [Test]
    public void Data_QuotesAndUnicode_ValidJsonThatReadsBack()
    {
        var json = TranscriptionParameters.Data("say \"hi\" café", 2);

        using var data = JsonDocument.Parse(json);
        data.RootElement.GetProperty("transcript").GetString().Should().Be("say \"hi\" café");
        data.RootElement.GetProperty("confidence").GetDouble().Should().Be(1, "confidence is clamped to 0..1");
    }

    private static Dictionary<string, string> Map(List<KeyValuePair<string, string>> parameters) =>
        parameters.ToDictionary(p => p.Key, p => p.Value);
}
