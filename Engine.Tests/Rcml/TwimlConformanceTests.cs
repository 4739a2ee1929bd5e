using RcmlEngine.Rcml.Ast;
using RcmlEngine.Rcml.Parsing;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Rcml;

/// <summary>
/// The TwiML documents of the public Twilio helper libraries' tests (../shared/conformance/twiml): each
/// gives a document or diagnostics, never an exception, and the odd ones give exactly the diagnostics below.
/// </summary>
[TestFixture]
public sealed class TwimlConformanceTests
{
    // Every document not listed here must parse clean. Entries: code@line:column, in document order.
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["twilio-node/VoiceResponse_003.xml"] = ["RCML2003@1:75"], // <Sim>: Programmable Wireless
        ["twilio-node/VoiceResponse_005.xml"] = ["RCML3006@1:49"], // finishOnKey="abcd"
        ["twilio-node/VoiceResponse_009.xml"] = ["RCML3009@1:49"], // Play with digits and a URL
        ["twilio-node/VoiceResponse_013.xml"] = ["RCML2004@1:63"], // lagnauge
        ["twilio-node/VoiceResponse_014.xml"] = ["RCML2002@1:49"], // <Sms>
        ["twilio-node/VoiceResponse_015.xml"] = ["RCML2003@1:72"], // <Task>: TaskRouter
        ["twilio-node/VoiceResponse_016.xml"] = ["RCML3008@1:112"], // verbs after <Reject>
        ["twilio-node/VoiceResponse_017.xml"] = ["RCML2004@1:63"], // statusCallbackEvents
        ["twilio-node/VoiceResponse_019.xml"] = ["RCML2007@1:57"], // text in <Hangup>
        ["twilio-node/VoiceResponse_020.xml"] = ["RCML2007@1:49", "RCML2007@1:63"], // text around verbs
        ["twilio-node/VoiceResponse_021.xml"] = ["RCML2001@1:49"], // <Ninja>
        ["twilio-node/VoiceResponse_022.xml"] = ["RCML2001@1:67"], // <Ninja> in <Dial>
        ["twilio-python/test_voice_response_001.xml"] = ["RCML3008@1:59", "RCML2002@1:68"],
        ["twilio-python/test_voice_response_002.xml"] = ["RCML3008@1:59", "RCML2002@1:68"],
        ["twilio-python/test_voice_response_004.xml"] = ["RCML3012@1:49"], // empty <Say/>
        ["twilio-python/test_voice_response_011.xml"] = ["RCML3007@1:49"], // empty <Play/>
        ["twilio-python/test_voice_response_019.xml"] = ["RCML3007@1:49"], // empty <Redirect/>
        ["twilio-python/test_voice_response_025.xml"] = ["RCML2002@1:49"],
        ["twilio-python/test_voice_response_026.xml"] = ["RCML2002@1:49"],
        ["twilio-python/test_voice_response_027.xml"] = ["RCML2002@1:49"],
        ["twilio-python/test_voice_response_028.xml"] = ["RCML2002@1:49"],
        ["twilio-python/test_voice_response_032.xml"] = ["RCML2003@1:49"], // <Echo>
        ["twilio-python/test_voice_response_034.xml"] = ["RCML2009@1:58", "RCML2003@1:82"], // workflowSid, <Task>
        ["twilio-python/test_voice_response_035.xml"] = ["RCML2009@1:58", "RCML2003@1:82"],
        ["twilio-python/test_voice_response_037.xml"] = ["RCML2003@1:55"], // <Sim>
        ["twilio-python/test_voice_response_038.xml"] = ["RCML2012@1:60"], // Sip URI without sip: (read as sip:, a warning)
        ["twilio-python/test_voice_response_039.xml"] = ["RCML2012@1:90"],
        ["twilio-python/test_voice_response_044.xml"] = ["RCML3007@1:55"], // empty <Client/>
        ["twilio-python/test_voice_response_049.xml"] = ["RCML2007@1:49"], // "No tags!"
        ["twilio-python/test_voice_response_050.xml"] = ["RCML2007@1:49", "RCML2007@1:73"],
        ["twilio-python/test_voice_response_051.xml"] = ["RCML2001@1:49"], // <alexa>
    };

    private static IEnumerable<TestCaseData> Documents() => SharedConformance.Cases("twiml", "*.xml");

    [TestCaseSource(nameof(Documents))]
    public async Task ParseAsync_ConformanceDocument_GivesADocumentOrDiagnosticsAsExpected(string path)
    {
        var relative = Path.GetRelativePath(SharedConformance.Require("twiml"), path).Replace('\\', '/');
        var stream = File.OpenRead(path);
        RcmlParseResult result;
        await using (stream)
        {
            result = await RcmlParser.Default.ParseAsync(stream, CancellationToken.None);
        }

        (result.Document is not null || result.HasErrors).Should().BeTrue();
        var found = result.Diagnostics.Select(d => $"{d.Code}@{d.Line}:{d.Column}");
        found.Should().Equal(Expected.GetValueOrDefault(relative, []), "{0} gave: {1}", relative, string.Join("; ", result.Diagnostics));
    }

    [Test]
    public void ExpectedTable_NamesOnlyFilesThatExist()
    {
        var root = SharedConformance.Require("twiml");

        Expected.Keys.Where(k => !File.Exists(Path.Combine(root, k))).Should().BeEmpty();
    }

    [Test]
    public void SsmlDocuments_KeepTheirMarkup()
    {
        var root = SharedConformance.Require("twiml");

        var sayAs = Say(Path.Combine(root, "twilio-node/VoiceResponse_023.xml"));
        var lang = Say(Path.Combine(root, "twilio-node/VoiceResponse_024.xml"));

        sayAs.Text.Should().Be("Words to speak");
        sayAs.Ssml.Should().ContainSingle().Which.Should().BeOfType<SsmlElement>().Which.Attributes.Select(a => a.Name).Should().Equal("interpret-as", "role");
        lang.Ssml.Should().ContainSingle().Which.Should().BeOfType<SsmlElement>().Which.Attributes.Should().ContainSingle(a => a.Name == "xml:lang" && a.Value == "fr-FR");
    }

    [Test]
    public void OddButValidDocuments_AreReadAsTwilioMeansThem()
    {
        var root = SharedConformance.Require("twiml");

        var commentOnly = Parse(Path.Combine(root, "twilio-node/VoiceResponse_025.xml"));
        commentOnly.IsExecutable.Should().BeTrue();
        commentOnly.Document!.Verbs.Should().BeEmpty();

        var mutedRoom = Parse(Path.Combine(root, "twilio-python/test_voice_response_030.xml")).Document!.Verbs[0].Should().BeOfType<DialVerb>().Subject;
        mutedRoom.Nouns.Single().Should().BeOfType<ConferenceNoun>().Which.Should().BeEquivalentTo(new { Muted = true, Beep = ConferenceBeep.Never, WaitInSilence = true });

        var queueWithEmptyUrl = Parse(Path.Combine(root, "twilio-python/test_voice_response_031.xml")).Document!.Verbs[0].Should().BeOfType<DialVerb>().Subject;
        queueWithEmptyUrl.Nouns.Single().Should().BeOfType<QueueNoun>().Which.Url.Should().BeNull("an empty url means none");

        var accents = Say(Path.Combine(root, "twilio-python/test_voice_response_006.xml"));
        accents.Text.Should().Be("nécessaire et d'autres");

        var query = Parse(Path.Combine(root, "twilio-python/test_voice_response_021.xml")).Document!.Verbs[0].Should().BeOfType<RedirectVerb>().Subject;
        query.Url!.OriginalString.Should().Be("example.com?id=34&action=hey");
    }

    [TestCase("twilio-python/test_voice_response_029.xml", "TestConferenceAttributes")]
    [TestCase("twilio-python/test_voice_response_030.xml", "TestConferenceMutedAttribute")]
    [TestCase("twilio-python/test_voice_response_042.xml", "My Room")]
    public void ConferenceDocuments_JoinTheirRoomWithTwilioDefaultsForTheParticipantAttributes(string relative, string room)
    {
        var root = SharedConformance.Require("twiml");

        var dial = Parse(Path.Combine(root, relative)).Document!.Verbs[0].Should().BeOfType<DialVerb>().Subject;

        dial.Nouns.Single().Should().BeOfType<ConferenceNoun>().Which.Should().BeEquivalentTo(new
        {
            Name = room,
            ParticipantLabel = (string?)null,
            Coach = (string?)null,
            JitterBufferSize = ConferenceJitterBuffer.Large,
        });
    }

    private static RcmlParseResult Parse(string path) => RcmlParser.Default.Parse(File.ReadAllBytes(path));

    private static SayVerb Say(string path) => Parse(path).Document!.Verbs[0].Should().BeOfType<SayVerb>().Subject;
}
