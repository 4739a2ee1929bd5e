using RcmlEngine.Rcml;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Rcml.Parsing;

/// <summary>What the parser reports about the vocabulary: unknown, misplaced and unsupported elements, attributes and values.</summary>
[TestFixture]
public sealed class RcmlVocabularyDiagnosticsTests
{
    [TestCase("<Say loop=\"twice\">x</Say>", "loop", "a whole number")]
    [TestCase("<Say loop=\"1.5\">x</Say>", "loop", "a whole number")]
    [TestCase("<Play loop=\"99999999999\">a.wav</Play>", "loop", "a whole number")]
    [TestCase("<Pause length=\"1s\"/>", "length", "a whole number")]
    [TestCase("<Gather timeout=\"\"/>", "timeout", "a whole number")]
    [TestCase("<Gather method=\"PUT\"/>", "method", "'GET' or 'POST'")]
    [TestCase("<Gather input=\"keypad\"/>", "input", "'dtmf' or 'speech'")]
    [TestCase("<Gather input=\"\"/>", "input", "'dtmf', 'speech' or 'dtmf speech'")]
    [TestCase("<Gather speechTimeout=\"soon\" input=\"speech\"/>", "speechTimeout", "'auto'")]
    [TestCase("<Gather actionOnEmptyResult=\"yes\"/>", "actionOnEmptyResult", "'true' or 'false'")]
    [TestCase("<Gather action=\"http://\"/>", "action", "a URL")]
    [TestCase("<Record trim=\"always\"/>", "trim", "'trim-silence' or 'do-not-trim'")]
    [TestCase("<Record recordingStatusCallbackEvent=\"done\"/>", "recordingStatusCallbackEvent", "'in-progress', 'completed' or 'absent'")]
    [TestCase("<Record playBeep=\"1\"/>", "playBeep", "'true' or 'false'")]
    [TestCase("<Dial record=\"yes\">1</Dial>", "record", "'do-not-record'")]
    [TestCase("<Reject reason=\"declined\"/>", "reason", "'rejected' or 'busy'")]
    [TestCase("<Dial><Number statusCallbackEvent=\"queued\" statusCallback=\"s\">1</Number></Dial>", "statusCallbackEvent", "'initiated', 'ringing', 'answered' or 'completed'")]
    [TestCase("<Dial><Conference beep=\"sometimes\">r</Conference></Dial>", "beep", "'onEnter'")]
    [TestCase("<Dial><Conference record=\"true\">r</Conference></Dial>", "record", "'record-from-start'")]
    [TestCase("<Dial><Conference statusCallbackEvent=\"ringing\" statusCallback=\"s\">r</Conference></Dial>", "statusCallbackEvent", "'announcement'")]
    [TestCase("<Dial><Conference jitterBufferSize=\"huge\">r</Conference></Dial>", "jitterBufferSize", "'large', 'medium', 'small' or 'off'")]
    [TestCase("<Dial><Client><Video resolution=\"8K\"/>a</Client></Dial>", "resolution", "'720p'")]
    public void Parse_ValueOfTheWrongKind_IsAnErrorAtTheAttribute(string verbs, string attribute, string expected)
    {
        var error = RcmlTestDocuments.Single(verbs, RcmlDiagnosticCodes.InvalidAttributeValue);

        error.IsError.Should().BeTrue();
        error.Column.Should().Be(RcmlTestDocuments.FirstVerbColumn + verbs.IndexOf(attribute + "=", StringComparison.Ordinal));
        error.Message.Should().Contain(attribute).And.Contain(expected);
    }

    [Test]
    public void Parse_InvalidValue_FallsBackToTheDefaultInTheDocument()
    {
        var result = RcmlTestDocuments.Verbs("<Gather timeout=\"x\" method=\"PUT\"/>");

        var gather = result.Document!.Verbs[0].Should().BeOfType<RcmlEngine.Rcml.Ast.GatherVerb>().Subject;
        gather.Timeout.Should().Be(TimeSpan.FromSeconds(5));
        result.HasErrors.Should().BeTrue();
    }

    [TestCase("<Gather method=\"get\"/>", "'GET'")]
    [TestCase("<Say loop=\"1\" voice=\"man\">x</Say><Gather actionOnEmptyResult=\"True\"/>", "'true'")]
    [TestCase("<Reject reason=\"BUSY\"/>", "'busy'")]
    public void Parse_ValueInAnotherCase_IsAcceptedWithAWarning(string verbs, string canonical)
    {
        var warning = RcmlTestDocuments.Single(verbs, RcmlDiagnosticCodes.NonCanonicalValue);

        warning.IsError.Should().BeFalse();
        warning.Message.Should().Contain(canonical);
        RcmlTestDocuments.Verbs(verbs).HasErrors.Should().BeFalse();
    }

    [TestCase("<Say voise=\"man\">x</Say>", "voise", "voice")]
    [TestCase("<Gather numdigits=\"1\"/>", "numdigits", "numDigits")]
    [TestCase("<Dial timeLimt=\"5\">1</Dial>", "timeLimt", "timeLimit")]
    [TestCase("<Dial><Number statusCallbackEvents=\"ringing\">1</Number></Dial>", "statusCallbackEvents", "statusCallbackEvent")]
    public void Parse_MisspeltAttribute_IsAWarningWithASuggestion(string verbs, string attribute, string suggestion)
    {
        var warning = RcmlTestDocuments.Single(verbs, RcmlDiagnosticCodes.UnknownAttribute);

        warning.IsError.Should().BeFalse();
        warning.Column.Should().Be(RcmlTestDocuments.FirstVerbColumn + verbs.IndexOf(attribute, StringComparison.Ordinal));
        warning.Message.Should().Contain($"Did you mean '{suggestion}'?");
    }

    [Test]
    public void Parse_UnrelatedUnknownAttribute_HasNoSuggestion()
    {
        RcmlTestDocuments.Single("<Hangup colour=\"red\"/>", RcmlDiagnosticCodes.UnknownAttribute).Message.Should().NotContain("Did you mean");
    }

    [TestCase("<Dial recordingTrack=\"inbound\">1</Dial>")]
    [TestCase("<Dial><Number machineDetection=\"Enable\">1</Number></Dial>")]
    [TestCase("<Gather speechModel=\"phone_call\"/>")]
    [TestCase("<Enqueue workflowSid=\"WW1\">q</Enqueue>")]
    [TestCase("<Dial><Conference region=\"ie1\">r</Conference></Dial>")]
    [TestCase("<Dial><Conference eventCallbackUrl=\"e\">r</Conference></Dial>")]
    public void Parse_TwilioAttributeTheEngineDoesNotImplement_IsAWarningSayingSo(string verbs)
    {
        RcmlTestDocuments.Single(verbs, RcmlDiagnosticCodes.UnsupportedAttribute).Message.Should().Contain("does not implement");
    }

    [TestCase("<Ninja/>", RcmlDiagnosticCodes.UnknownElement, "<Ninja>")]
    [TestCase("<say>Hi</say>", RcmlDiagnosticCodes.UnknownElement, "Did you mean 'Say'?")]
    [TestCase("<Sms>hi</Sms>", RcmlDiagnosticCodes.MessagingVerb, "<Sms> is a messaging verb")]
    [TestCase("<Message>hi</Message>", RcmlDiagnosticCodes.MessagingVerb, "<Message>")]
    [TestCase("<Pay/>", RcmlDiagnosticCodes.UnsupportedElement, "<Pay> (Twilio payments) is not supported by RcmlEngine: ")]
    [TestCase("<Gather><Pay input=\"dtmf\"><Prompt for=\"payment-card-number\"><Say>card</Say></Prompt></Pay></Gather>", RcmlDiagnosticCodes.UnsupportedElement, "<Pay> (Twilio payments) is not supported by RcmlEngine: ")]
    [TestCase("<Parameter name=\"a\" value=\"b\"/>", RcmlDiagnosticCodes.MisplacedElement, "belongs in <Client>, <Stream>, <Hangup> or <Reject>")]
    [TestCase("<Hangup><Say>x</Say></Hangup>", RcmlDiagnosticCodes.MisplacedElement, "expected <Parameter> or nothing")]
    [TestCase("<Start><Siprec/></Start>", RcmlDiagnosticCodes.UnsupportedElement, "SIPREC")]
    [TestCase("<Stream url=\"wss://x\"/>", RcmlDiagnosticCodes.MisplacedElement, "noun of <Start>, <Stop> or <Connect>")]
    [TestCase("<Start><Room/></Start>", RcmlDiagnosticCodes.MisplacedElement, "noun of <Connect>")]
    [TestCase("<Stop><Recording/></Stop>", RcmlDiagnosticCodes.MisplacedElement, "noun of <Start>")]
    [TestCase("<Number>1</Number>", RcmlDiagnosticCodes.MisplacedElement, "noun of <Dial>")]
    [TestCase("<Dial><Say>hi</Say></Dial>", RcmlDiagnosticCodes.MisplacedElement, "is a verb")]
    [TestCase("<Dial><Sim>DE1</Sim></Dial>", RcmlDiagnosticCodes.UnsupportedElement, "Programmable Wireless")]
    [TestCase("<Say><Play>a.wav</Play></Say>", RcmlDiagnosticCodes.MisplacedElement, "<Play> cannot appear in <Say>")]
    [TestCase("<Play><Say>x</Say></Play>", RcmlDiagnosticCodes.MisplacedElement, "<Say> cannot appear in <Play>")]
    [TestCase("<break/>", RcmlDiagnosticCodes.MisplacedElement, "SSML")]
    [TestCase("<Video/>", RcmlDiagnosticCodes.MisplacedElement, "<Client>, <Sip> or <Conference>")]
    [TestCase("<Response/>", RcmlDiagnosticCodes.MisplacedElement, "root element")]
    [TestCase("<Enqueue><Task>{}</Task>q</Enqueue>", RcmlDiagnosticCodes.UnsupportedElement, "TaskRouter")]
    public void Parse_ElementOutOfPlace_IsAnErrorNamingIt(string verbs, string code, string text)
    {
        var error = RcmlTestDocuments.Single(verbs, code);

        error.IsError.Should().BeTrue();
        error.Message.Should().Contain(text);
    }

    [Test]
    public void Parse_UnknownElement_IsLeftOutAndItsContentNotReported()
    {
        var result = RcmlTestDocuments.Verbs("<Say>a</Say><Ninja sword=\"x\"><Play>b</Play><Dojo/></Ninja><Say>c</Say>");

        result.Diagnostics.Should().ContainSingle().Which.Column.Should().Be(RcmlTestDocuments.FirstVerbColumn + 12);
        result.Document!.Verbs.Select(v => v.ElementName).Should().Equal("Say", "Say");
    }

    [Test]
    public void Parse_UnknownSsml_IsAWarningAndItsTextIsSpoken()
    {
        var result = RcmlTestDocuments.Verbs("<Say>Hello <shout>world</shout></Say>");

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(RcmlDiagnosticCodes.UnknownSsmlElement);
        result.Document!.Verbs[0].Should().BeOfType<RcmlEngine.Rcml.Ast.SayVerb>().Which.Text.Should().Be("Hello world");
    }

    [TestCase("<Hangup>bye</Hangup>", "<Hangup> takes no text")]
    [TestCase("<Reject>no</Reject>", "<Reject> takes no text")]
    [TestCase("<Pause>3</Pause>", "<Pause> takes no text")]
    [TestCase("<Gather>Press 1</Gather>", "<Gather> takes no text")]
    [TestCase("Hello", "wrap it in <Say>")]
    public void Parse_TextWhereNoneBelongs_IsAWarning(string verbs, string why)
    {
        var warning = RcmlTestDocuments.Single(verbs, RcmlDiagnosticCodes.IgnoredText);

        warning.IsError.Should().BeFalse();
        warning.Message.Should().Contain(why);
    }

    [Test]
    public void Parse_RejectedOnlyTarget_IsNotReportedAgainAsMissing()
    {
        var result = RcmlTestDocuments.Verbs("<Dial><Sim>DE1</Sim></Dial>");

        result.Diagnostics.Select(d => d.Code).Should().Equal(RcmlDiagnosticCodes.UnsupportedElement);
    }
}
