using RcmlEngine.Rcml;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Rcml.Validation;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Rcml.Validation;

[TestFixture]
public sealed class RcmlValidatorTests
{
    private static readonly string LongSipUser = new('a', 250);

    // Each case: verbs, the expected code, and the text where the reported element starts.
    private static readonly object[] Violations =
    [
        new object[] { "<Gather numDigits=\"0\"/>", RcmlDiagnosticCodes.ValueOutOfRange, "<Gather" },
        new object[] { "<Gather numDigits=\"-3\"/>", RcmlDiagnosticCodes.ValueOutOfRange, "<Gather" },
        new object[] { "<Gather timeout=\"0\"/>", RcmlDiagnosticCodes.ValueOutOfRange, "<Gather" },
        new object[] { "<Gather input=\"speech\" speechTimeout=\"0\"/>", RcmlDiagnosticCodes.ValueOutOfRange, "<Gather" },
        new object[] { "<Gather finishOnKey=\"abcd\"/>", RcmlDiagnosticCodes.InvalidKeys, "<Gather" },
        new object[] { "<Gather finishOnKey=\"#*\"/>", RcmlDiagnosticCodes.InvalidKeys, "<Gather" },
        new object[] { "<Gather><Say>a</Say><Dial>1</Dial></Gather>", RcmlDiagnosticCodes.GatherNesting, "<Dial" },
        new object[] { "<Gather><Gather/></Gather>", RcmlDiagnosticCodes.GatherNesting, "<Gather/>" },
        new object[] { "<Gather><Record/></Gather>", RcmlDiagnosticCodes.GatherNesting, "<Record" },
        new object[] { "<Gather><Say loop=\"-1\">a</Say></Gather>", RcmlDiagnosticCodes.ValueOutOfRange, "<Say" },
        new object[] { "<Gather language=\"english\"/>", RcmlDiagnosticCodes.InvalidLanguage, "<Gather" },
        new object[] { "<Gather hints=\"yes\"/>", RcmlDiagnosticCodes.IneffectiveAttribute, "<Gather" },
        new object[] { "<Say loop=\"-1\">a</Say>", RcmlDiagnosticCodes.ValueOutOfRange, "<Say" },
        new object[] { "<Say/>", RcmlDiagnosticCodes.EmptySay, "<Say" },
        new object[] { $"<Say>{new string('x', 4097)}</Say>", RcmlDiagnosticCodes.TextTooLong, "<Say" },
        new object[] { "<Say voice=\"robot\">a</Say>", RcmlDiagnosticCodes.UnknownVoice, "<Say" },
        new object[] { "<Say language=\"en_US\">a</Say>", RcmlDiagnosticCodes.InvalidLanguage, "<Say" },
        new object[] { "<Play loop=\"-2\">a.wav</Play>", RcmlDiagnosticCodes.ValueOutOfRange, "<Play" },
        new object[] { "<Play/>", RcmlDiagnosticCodes.MissingContent, "<Play" },
        new object[] { "<Play digits=\"12a\"/>", RcmlDiagnosticCodes.InvalidKeys, "<Play" },
        new object[] { "<Play digits=\"1\">a.wav</Play>", RcmlDiagnosticCodes.ConflictingContent, "<Play" },
        new object[] { "<Play>ftp://host/a.wav</Play>", RcmlDiagnosticCodes.UnsupportedUrlScheme, "<Play" },
        new object[] { "<Pause length=\"0\"/>", RcmlDiagnosticCodes.ValueOutOfRange, "<Pause" },
        new object[] { "<Pause length=\"86401\"/>", RcmlDiagnosticCodes.ValueOutOfRange, "<Pause" },
        new object[] { "<Record timeout=\"-1\"/>", RcmlDiagnosticCodes.ValueOutOfRange, "<Record" },
        new object[] { "<Record maxLength=\"0\"/>", RcmlDiagnosticCodes.ValueOutOfRange, "<Record" },
        new object[] { "<Record finishOnKey=\"x\"/>", RcmlDiagnosticCodes.InvalidKeys, "<Record" },
        new object[] { "<Record action=\"javascript:alert(1)\"/>", RcmlDiagnosticCodes.UnsupportedUrlScheme, "<Record" },
        new object[] { "<Dial/>", RcmlDiagnosticCodes.MissingContent, "<Dial" },
        new object[] { "<Dial>  </Dial>", RcmlDiagnosticCodes.MissingContent, "<Dial" },
        new object[] { "<Dial>+1555<Number>+1666</Number></Dial>", RcmlDiagnosticCodes.ConflictingContent, "<Dial" },
        new object[] { "<Dial>call bob</Dial>", RcmlDiagnosticCodes.InvalidPhoneNumber, "<Dial" },
        new object[] { "<Dial>1+555</Dial>", RcmlDiagnosticCodes.InvalidPhoneNumber, "<Dial" },
        new object[] { "<Dial timeout=\"601\">1</Dial>", RcmlDiagnosticCodes.ValueOutOfRange, "<Dial" },
        new object[] { "<Dial timeLimit=\"0\">1</Dial>", RcmlDiagnosticCodes.ValueOutOfRange, "<Dial" },
        new object[] { "<Dial ringTone=\"xx\">1</Dial>", RcmlDiagnosticCodes.UnknownRingTone, "<Dial" },
        new object[] { "<Dial recordingStatusCallback=\"r\">1</Dial>", RcmlDiagnosticCodes.IneffectiveAttribute, "<Dial" },
        new object[] { "<Dial><Conference>a</Conference><Number>1</Number></Dial>", RcmlDiagnosticCodes.ConflictingContent, "<Conference" },
        new object[] { "<Dial><Queue>a</Queue><Client>b</Client></Dial>", RcmlDiagnosticCodes.ConflictingContent, "<Queue" },
        new object[] { "<Dial>" + string.Concat(Enumerable.Range(0, 11).Select(i => $"<Number>{i}</Number>")) + "</Dial>", RcmlDiagnosticCodes.TooManyTargets, "<Dial" },
        new object[] { "<Dial><Number></Number></Dial>", RcmlDiagnosticCodes.MissingContent, "<Number" },
        new object[] { "<Dial><Number>bob@example.com</Number></Dial>", RcmlDiagnosticCodes.InvalidPhoneNumber, "<Number" },
        new object[] { "<Dial><Number sendDigits=\"12-34\">1</Number></Dial>", RcmlDiagnosticCodes.InvalidKeys, "<Number" },
        new object[] { "<Dial><Number statusCallbackEvent=\"ringing\">1</Number></Dial>", RcmlDiagnosticCodes.IneffectiveAttribute, "<Number" },
        new object[] { "<Dial><Sip></Sip></Dial>", RcmlDiagnosticCodes.MissingContent, "<Sip" },
        new object[] { $"<Dial><Sip>sip:{LongSipUser}@example.com</Sip></Dial>", RcmlDiagnosticCodes.SipUriTooLong, "<Sip" },
        new object[] { $"<Dial><Sip>sip:a@example.com?X-Big={new string('v', 1020)}</Sip></Dial>", RcmlDiagnosticCodes.SipHeadersTooLong, "<Sip" },
        new object[] { "<Dial><Sip>sip:a@example.com?Subject=hello</Sip></Dial>", RcmlDiagnosticCodes.SipHeaderNotAllowed, "<Sip" },
        new object[] { "<Dial><Sip>sip:a@example.com?X-A=1%0AVia:%20x</Sip></Dial>", RcmlDiagnosticCodes.InvalidSipHeader, "<Sip" },
        new object[] { "<Dial><Sip>sip:a@example.com?X%20A=1</Sip></Dial>", RcmlDiagnosticCodes.InvalidSipHeader, "<Sip" },
        new object[] { "<Dial><Sip><Video mode=\"sfu\"/>sip:a@b</Sip></Dial>", RcmlDiagnosticCodes.IneffectiveAttribute, "<Video" },
        new object[] { "<Dial><Client></Client></Dial>", RcmlDiagnosticCodes.MissingContent, "<Client" },
        new object[] { "<Dial><Client><Identity>a</Identity><Parameter value=\"v\"/></Client></Dial>", RcmlDiagnosticCodes.MissingContent, "<Client" },
        new object[] { "<Dial><Conference/></Dial>", RcmlDiagnosticCodes.MissingContent, "<Conference" },
        new object[] { "<Dial><Conference maxParticipants=\"1\">r</Conference></Dial>", RcmlDiagnosticCodes.ValueOutOfRange, "<Conference" },
        new object[] { "<Dial><Conference maxParticipants=\"251\">r</Conference></Dial>", RcmlDiagnosticCodes.ValueOutOfRange, "<Conference" },
        new object[] { "<Dial><Conference statusCallbackEvent=\"join\">r</Conference></Dial>", RcmlDiagnosticCodes.IneffectiveAttribute, "<Conference" },
        new object[] { "<Dial><Conference recordingStatusCallback=\"r\">r</Conference></Dial>", RcmlDiagnosticCodes.IneffectiveAttribute, "<Conference" },
        new object[] { $"<Dial><Conference participantLabel=\"{new string('p', 129)}\">r</Conference></Dial>", RcmlDiagnosticCodes.TextTooLong, "<Conference" },
        new object[] { "<Dial><Conference coach=\"bob\">r</Conference></Dial>", RcmlDiagnosticCodes.InvalidAttributeValue, "<Conference" },
        new object[] { "<Dial><Conference coach=\"CA0123456789ABCDEF0123456789ABCDEF\">r</Conference></Dial>", RcmlDiagnosticCodes.InvalidAttributeValue, "<Conference" },
        new object[] { "<Dial><Conference coach=\"PA0123456789abcdef0123456789abcdef\">r</Conference></Dial>", RcmlDiagnosticCodes.InvalidAttributeValue, "<Conference" },
        new object[] { "<Dial><Conference coach=\"CA0123456789abcdef0123456789abcde\">r</Conference></Dial>", RcmlDiagnosticCodes.InvalidAttributeValue, "<Conference" },
        new object[] { "<Dial><Queue/></Dial>", RcmlDiagnosticCodes.MissingContent, "<Queue" },
        new object[] { $"<Dial><Queue>{new string('q', 65)}</Queue></Dial>", RcmlDiagnosticCodes.TextTooLong, "<Queue" },
        new object[] { "<Redirect/>", RcmlDiagnosticCodes.MissingContent, "<Redirect" },
        new object[] { "<Redirect>mailto:x@y</Redirect>", RcmlDiagnosticCodes.UnsupportedUrlScheme, "<Redirect" },
        new object[] { "<Enqueue/>", RcmlDiagnosticCodes.MissingContent, "<Enqueue" },
        new object[] { $"<Enqueue>{new string('q', 65)}</Enqueue>", RcmlDiagnosticCodes.TextTooLong, "<Enqueue" },
        new object[] { "<Refer/>", RcmlDiagnosticCodes.MissingContent, "<Refer" },
        new object[] { "<Refer><Sip>sip:a@b</Sip><Sip>sip:c@d</Sip></Refer>", RcmlDiagnosticCodes.TooManyTargets, "<Refer" },
        new object[] { "<Refer><Sip>sip:a@b</Sip><Number>1</Number></Refer>", RcmlDiagnosticCodes.MisplacedElement, "<Number" },
        new object[] { "<Hangup/><Say>bye</Say>", RcmlDiagnosticCodes.UnreachableVerb, "<Say" },
        new object[] { "<Reject/><Pause/>", RcmlDiagnosticCodes.UnreachableVerb, "<Pause" },
        new object[] { "<Redirect>a.xml</Redirect><Hangup/>", RcmlDiagnosticCodes.UnreachableVerb, "<Hangup" },
        new object[] { "<Dial action=\"a.xml\">1</Dial><Say>x</Say>", RcmlDiagnosticCodes.UnreachableVerb, "<Say" },
    ];

    [TestCaseSource(nameof(Violations))]
    public void Validate_Violation_IsReportedAtTheElement(string verbs, string code, string element)
    {
        var result = RcmlTestDocuments.Verbs(verbs);

        result.Diagnostics.Should().ContainSingle($"only {code} is expected, got: {string.Join("; ", result.Diagnostics)}");
        var diagnostic = result.Diagnostics[0];
        diagnostic.Code.Should().Be(code);
        diagnostic.Should().BeEquivalentTo(new { Line = 1, Column = RcmlTestDocuments.FirstVerbColumn + verbs.IndexOf(element, StringComparison.Ordinal) });
        diagnostic.Message.Should().NotBeNullOrWhiteSpace();
    }

    [TestCase("<Gather numDigits=\"1\" finishOnKey=\"\" timeout=\"1\"/>")]
    [TestCase("<Gather finishOnKey=\"*\"/>")]
    [TestCase("<Gather input=\"speech\" speechTimeout=\"auto\" hints=\"a, b\"/>")]
    [TestCase("<Record finishOnKey=\"\" timeout=\"0\"/>")]
    [TestCase("<Say loop=\"0\" voice=\"Google.en-US-Standard-C\" language=\"en-US\">hi</Say>")]
    [TestCase("<Play loop=\"0\" digits=\"wwW123*#\"/>")]
    [TestCase("<Dial timeout=\"600\" timeLimit=\"86400\" ringTone=\"us-old\">(415) 555-1212</Dial>")]
    [TestCase("<Dial><Number>+1 415.555.1212</Number><Client>a</Client><Sip>sip:b@c</Sip></Dial>")]
    [TestCase("<Dial><Sip>sip:a@example.com?X-One=1&amp;User-to-User=x&amp;P-Called-Party-ID=y</Sip></Dial>")]
    [TestCase("<Dial><Conference maxParticipants=\"2\" waitUrl=\"\">r</Conference></Dial>")]
    [TestCase("<Dial><Conference coach=\"CA0123456789abcdef0123456789abcdef\" jitterBufferSize=\"off\">r</Conference></Dial>")]
    [TestCase("<Dial><Conference name=\"room\"/></Dial>")]
    [TestCase("<Gather action=\"next\"/><Say>No input</Say><Redirect>menu</Redirect>")]
    [TestCase("<Dial>1</Dial><Say>Dial without action continues</Say>")]
    [TestCase("<Record/><Say>nothing was recorded</Say>")]
    public void Validate_ValidDocument_HasNoDiagnostic(string verbs)
    {
        RcmlTestDocuments.Verbs(verbs).Diagnostics.Should().BeEmpty();
    }

    [Test]
    public void Validate_ParticipantLabelOfTheLongestLength_IsAccepted()
    {
        RcmlTestDocuments.Verbs($"<Dial><Conference participantLabel=\"{new string('p', RcmlValidator.MaxParticipantLabelLength)}\">r</Conference></Dial>")
            .Diagnostics.Should().BeEmpty();
    }

    [Test]
    public void Validate_CoachThatIsNotACallSid_SaysWhatACallSidIs()
    {
        var error = RcmlTestDocuments.Single("<Dial><Conference coach=\"alice\">r</Conference></Dial>", RcmlDiagnosticCodes.InvalidAttributeValue);

        error.IsError.Should().BeTrue();
        error.Message.Should().Contain("coach=\"alice\"").And.Contain("CallSid");
    }

    [Test]
    public void Validate_SeveralUnreachableVerbs_AreReportedOnce()
    {
        var result = RcmlTestDocuments.Verbs("<Hangup/><Say>a</Say><Say>b</Say><Hangup/>");

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("<Hangup> at 1:11");
    }

    [Test]
    public void Validate_DocumentBuiltInCode_IsCheckedLikeAParsedOne()
    {
        var document = new RcmlDocument
        {
            Verbs =
            [
                new GatherVerb { NumDigits = 0, Children = [new DialVerb { Number = "1" }] },
                new DialVerb(),
            ],
        };

        var diagnostics = RcmlValidator.Validate(document);

        diagnostics.Select(d => d.Code).Should().BeEquivalentTo(
            [RcmlDiagnosticCodes.GatherNesting, RcmlDiagnosticCodes.ValueOutOfRange, RcmlDiagnosticCodes.MissingContent]);
    }
}
