using RcmlEngine.Rcml;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Rcml.Parsing;

/// <summary><c>&lt;Start&gt;</c>, <c>&lt;Stop&gt;</c>, <c>&lt;Connect&gt;</c> and their nouns: the parser and the validator.</summary>
[TestFixture]
public sealed class RcmlStreamParsingTests
{
    [Test]
    public void Parse_StartStreamWithEveryAttribute_ReadsThemAndItsParameters()
    {
        var start = RcmlTestDocuments.Clean<StartVerb>(
            """<Start><Stream name="fork" url="wss://media.example.com/s" track="both_tracks" statusCallback="/st" statusCallbackMethod="GET"><Parameter name="a" value="1"/><Parameter name="b" value="two"/></Stream></Start>""");

        var stream = start.Nouns.Should().ContainSingle().Which.Should().BeOfType<StreamNoun>().Subject;
        stream.Name.Should().Be("fork");
        stream.Url.Should().Be(new Uri("wss://media.example.com/s"));
        stream.Track.Should().Be(StreamTrack.BothTracks);
        stream.StatusCallback!.OriginalString.Should().Be("/st");
        stream.StatusCallbackMethod.Should().Be(RcmlHttpMethod.Get);
        stream.Parameters.Should().Equal(new KeyValuePair<string, string>("a", "1"), new KeyValuePair<string, string>("b", "two"));
    }

    [Test]
    public void Parse_StreamWithoutTrack_IsInboundOnly()
    {
        var connect = RcmlTestDocuments.Clean<ConnectVerb>("""<Connect action="/next"><Stream url="ws://127.0.0.1:9/x"/></Connect>""");

        connect.Action!.OriginalString.Should().Be("/next");
        connect.Nouns.Should().ContainSingle().Which.Should().BeOfType<StreamNoun>().Which.Track.Should().Be(StreamTrack.InboundTrack);
    }

    [Test]
    public void Parse_StartTranscription_KeepsTwiliosAttributes()
    {
        var start = RcmlTestDocuments.Clean<StartVerb>(
            """<Start><Transcription name="t" track="both_tracks" statusCallbackUrl="/tr" languageCode="fr-FR" transcriptionEngine="google" speechModel="telephony" hints="yes,no" partialResults="true" enableAutomaticPunctuation="false" profanityFilter="false" inboundTrackLabel="caller" outboundTrackLabel="agent"/></Start>""");

        var transcription = start.Nouns.Should().ContainSingle().Which.Should().BeOfType<TranscriptionNoun>().Subject;
        transcription.Name.Should().Be("t");
        transcription.Track.Should().Be(StreamTrack.BothTracks);
        transcription.StatusCallbackUrl!.OriginalString.Should().Be("/tr");
        transcription.LanguageCode.Should().Be("fr-FR");
        transcription.TranscriptionEngine.Should().Be("google");
        transcription.SpeechModel.Should().Be("telephony");
        transcription.Hints.Should().Be("yes,no");
        transcription.PartialResults.Should().BeTrue();
        transcription.EnableAutomaticPunctuation.Should().BeFalse();
        transcription.ProfanityFilter.Should().BeFalse();
        transcription.InboundTrackLabel.Should().Be("caller");
        transcription.OutboundTrackLabel.Should().Be("agent");
    }

    [Test]
    public void Parse_StartRecording_IsReadAsARecordingNoun()
    {
        var start = RcmlTestDocuments.Clean<StartVerb>("""<Start><Recording recordingStatusCallback="/rec" trim="trim-silence" track="both" channels="dual"/></Start>""");

        var recording = start.Nouns.Should().ContainSingle().Which.Should().BeOfType<StartRecordingNoun>().Subject;
        recording.Trim.Should().Be(RecordingTrim.TrimSilence);
        recording.Channels.Should().Be("dual");
    }

    [TestCase("ConversationRelay", "ConversationRelay")]
    [TestCase("VirtualAgent", "virtual agents")]
    [TestCase("Room", "Video rooms")]
    [TestCase("AiSession", "AI sessions")]
    [TestCase("Autopilot", "Autopilot")]
    public void Parse_ConnectServiceNoun_IsAcceptedAsForeign(string name, string product)
    {
        var connect = RcmlTestDocuments.Clean<ConnectVerb>($"""<Connect><{name} url="wss://x" welcomeGreeting="Hi"><Language code="fr-FR"/></{name}></Connect>""");

        var foreign = connect.Nouns.Should().ContainSingle().Which.Should().BeOfType<ForeignNoun>().Subject;
        foreign.ElementName.Should().Be(name);
        foreign.Product.Should().Contain(product);
        foreign.UnknownAttributes.Select(a => a.Name).Should().Equal("url", "welcomeGreeting");
    }

    [Test]
    public void Parse_StopStream_ReadsTheName()
    {
        var stop = RcmlTestDocuments.Clean<StopVerb>("""<Stop><Stream name="fork"/><Transcription name="t"/></Stop>""");

        stop.Nouns.Select(n => n.ElementName).Should().Equal("Stream", "Transcription");
        stop.Nouns[0].Should().BeOfType<StreamNoun>().Which.Name.Should().Be("fork");
    }

    [TestCase("<Start><Stream url=\"wss://x\" track=\"inbound\"/></Start>", RcmlDiagnosticCodes.InvalidAttributeValue, "'inbound_track', 'outbound_track' or 'both_tracks'")]
    [TestCase("<Start><Stream url=\"wss://x\"><Say>x</Say></Stream></Start>", RcmlDiagnosticCodes.MisplacedElement, "expected <Parameter>")]
    [TestCase("<Start><Stream url=\"wss://x\"><Parameter value=\"1\"/></Stream></Start>", RcmlDiagnosticCodes.MissingContent, "needs a name")]
    [TestCase("<Start/>", RcmlDiagnosticCodes.MissingContent, "<Start> needs a noun")]
    [TestCase("<Start><Stream/></Start>", RcmlDiagnosticCodes.MissingContent, "needs url=")]
    [TestCase("<Start><Stream url=\"https://x/y\"/></Start>", RcmlDiagnosticCodes.UnsupportedUrlScheme, "not an absolute ws:// or wss:// URL")]
    [TestCase("<Start><Stream url=\"/relative\"/></Start>", RcmlDiagnosticCodes.UnsupportedUrlScheme, "not an absolute ws://")]
    [TestCase("<Start><Stream name=\"a\" url=\"wss://x\"/><Stream name=\"a\" url=\"wss://y\"/></Start>", RcmlDiagnosticCodes.ConflictingContent, "used twice")]
    [TestCase("<Stop><Stream/></Stop>", RcmlDiagnosticCodes.MissingContent, "needs the name given in its <Start>")]
    [TestCase("<Stop/>", RcmlDiagnosticCodes.MissingContent, "<Stop> needs a noun")]
    [TestCase("<Connect/>", RcmlDiagnosticCodes.MissingContent, "<Connect> needs a noun")]
    [TestCase("<Connect><Stream url=\"wss://x\" track=\"both_tracks\"/></Connect>", RcmlDiagnosticCodes.ConflictingContent, "inbound track only")]
    [TestCase("<Connect><Stream url=\"wss://x\"/><Stream url=\"wss://y\"/></Connect>", RcmlDiagnosticCodes.TooManyTargets, "connects the call to one")]
    [TestCase("<Connect><Number>1</Number></Connect>", RcmlDiagnosticCodes.MisplacedElement, "a noun of <Connect>")]
    [TestCase("<Start><Stream url=\"wss://x\" trak=\"both_tracks\"/></Start>", RcmlDiagnosticCodes.UnknownAttribute, "'track'")]
    public void Parse_BadStreamMarkup_IsReportedWithItsReason(string verbs, string code, string text)
    {
        var diagnostic = RcmlTestDocuments.Single(verbs, code);

        diagnostic.Message.Should().Contain(text);
    }

    [Test]
    public void Parse_ConnectWithAction_MakesTheFollowingVerbsUnreachable()
    {
        var diagnostic = RcmlTestDocuments.Single("""<Connect action="/a"><Stream url="wss://x"/></Connect><Say>never</Say>""", RcmlDiagnosticCodes.UnreachableVerb);

        diagnostic.Message.Should().Contain("<Connect action>");
    }

    [Test]
    public void Parse_ConnectWithoutAction_LetsTheDocumentContinue() =>
        RcmlTestDocuments.Verbs("""<Connect><Stream url="wss://x"/></Connect><Say>after</Say>""").Diagnostics.Should().BeEmpty();
}
