using RcmlEngine.Rcml;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Rcml.Parsing;

/// <summary><c>&lt;Sip&gt;kate@example.com&lt;/Sip&gt;</c>, as Twilio's own examples write it: read as <c>sip:</c>, with a warning.</summary>
[TestFixture]
public sealed class RcmlSipWithoutSchemeTests
{
    [Test]
    public void Parse_UserAtHostWithoutScheme_IsReadAsSipWithAWarningAtTheText()
    {
        var result = RcmlTestDocuments.Parse("<Response>\n  <Dial>\n    <Sip>kate@example.com</Sip>\n  </Dial>\n</Response>");

        var sip = result.Document!.Verbs.OfType<DialVerb>().Single().Nouns.OfType<SipNoun>().Single();
        sip.Uri!.Text.Should().Be("sip:kate@example.com");
        (sip.Uri.User, sip.Uri.Host).Should().Be(("kate", "example.com"));
        var warning = result.Diagnostics.Should().ContainSingle().Subject;
        warning.Code.Should().Be(RcmlDiagnosticCodes.SipUriWithoutScheme);
        warning.IsError.Should().BeFalse();
        (warning.Line, warning.Column).Should().Be((3, 10));
        warning.Message.Should().Contain("'kate@example.com' has no scheme and is read as 'sip:kate@example.com'");
    }

    [Test]
    public void Parse_WithoutSchemeButWithPortAndHeaders_KeepsThem()
    {
        var sip = RcmlTestDocuments.Verbs("<Dial><Sip>kate@example.com:5070;transport=tcp?X-Team=blue</Sip></Dial>")
            .Document!.Verbs.OfType<DialVerb>().Single().Nouns.OfType<SipNoun>().Single();

        sip.Uri!.Port.Should().Be(5070);
        sip.Uri.Headers.Should().Contain(new KeyValuePair<string, string>("X-Team", "blue"));
    }

    [TestCase("tel:+15550100")]
    [TestCase("example.com")]
    [TestCase("@example.com")]
    [TestCase("http://kate@example.com")]
    [TestCase("kate@exa mple.com")]
    public void Parse_OtherTextWithoutSipScheme_StaysAnError(string text)
    {
        var error = RcmlTestDocuments.Single($"<Dial><Sip>{text}</Sip></Dial>", RcmlDiagnosticCodes.InvalidContent);

        error.IsError.Should().BeTrue();
        error.Message.Should().Contain("<Sip> holds an invalid SIP URI");
    }

    [Test]
    public void Parse_WithScheme_HasNoWarning()
    {
        RcmlTestDocuments.Verbs("<Dial><Sip>sip:kate@example.com</Sip></Dial>").Diagnostics.Should().BeEmpty();
    }
}
