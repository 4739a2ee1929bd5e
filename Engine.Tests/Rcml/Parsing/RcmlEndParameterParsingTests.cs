using RcmlEngine.Rcml;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Rcml.Parsing;

/// <summary><c>&lt;Parameter name value/&gt;</c> inside <c>&lt;Hangup&gt;</c> and <c>&lt;Reject&gt;</c> (newer TwiML).</summary>
[TestFixture]
public sealed class RcmlEndParameterParsingTests
{
    [Test]
    public void Parse_HangupWithParameters_KeepsThemInOrder()
    {
        var hangup = RcmlTestDocuments.Clean<HangupVerb>(
            "<Hangup><Parameter name=\"reason\" value=\"done\"/><Parameter name=\"Ticket\" value=\"42\"/></Hangup>");

        hangup.Parameters.Should().Equal(new KeyValuePair<string, string>("reason", "done"), new KeyValuePair<string, string>("Ticket", "42"));
    }

    [Test]
    public void Parse_RejectWithParameter_KeepsReasonAndParameter()
    {
        var reject = RcmlTestDocuments.Clean<RejectVerb>("<Reject reason=\"busy\">\n  <Parameter name=\"reason\" value=\"closed\"/>\n</Reject>");

        reject.Reason.Should().Be(RejectReason.Busy);
        reject.Parameters.Should().ContainSingle().Which.Should().Be(new KeyValuePair<string, string>("reason", "closed"));
    }

    [TestCase("<Hangup><Parameter value=\"x\"/></Hangup>", "<Hangup> has a <Parameter> without a name")]
    [TestCase("<Reject><Parameter name=\"\" value=\"x\"/></Reject>", "<Reject> has a <Parameter> without a name")]
    [TestCase("<Dial><Client><Identity>a</Identity><Parameter value=\"x\"/></Client></Dial>", "<Client> has a <Parameter> without a name")]
    public void Validate_ParameterWithoutName_IsAnError(string verbs, string message)
    {
        var error = Validated(verbs).Should().ContainSingle(d => d.Code == RcmlDiagnosticCodes.MissingContent).Subject;

        error.IsError.Should().BeTrue();
        error.Message.Should().Be(message);
    }

    [TestCase("<Hangup><Parameter name=\"bad name\" value=\"x\"/></Hangup>", "<Hangup> <Parameter name=\"bad name\"> is not sent")]
    [TestCase("<Reject><Parameter name=\"r\" value=\"a&#13;&#10;Via: forged\"/></Reject>", "<Reject> <Parameter name=\"r\"> is not sent: its value holds a control character")]
    public void Validate_ParameterThatCannotBeAHeader_IsAWarning(string verbs, string message)
    {
        var warning = Validated(verbs).Should().ContainSingle(d => d.Code == RcmlDiagnosticCodes.SipHeaderNotAllowed).Subject;

        warning.IsError.Should().BeFalse();
        warning.Message.Should().StartWith(message);
    }

    [Test]
    public void Validate_GoodParameters_AreClean()
    {
        Validated("<Hangup><Parameter name=\"reason\" value=\"done\"/></Hangup>").Should().BeEmpty();
        Validated("<Reject><Parameter name=\"X.y_z\" value=\"\"/></Reject>").Should().BeEmpty();
    }

    [Test]
    public void Schema_HangupAndRejectWithParameters_AreValid()
    {
        var result = RcmlTestDocuments.Verbs("<Reject reason=\"busy\"><Parameter name=\"a\" value=\"1\"/></Reject><Hangup><Parameter name=\"b\" value=\"2\"/></Hangup>");

        result.Diagnostics.Should().NotContain(d => d.Code == RcmlDiagnosticCodes.SchemaViolation);
    }

    // The parser runs the validator: its diagnostics are the parser's and the validator's.
    private static IReadOnlyList<RcmlDiagnostic> Validated(string verbs) => RcmlTestDocuments.Verbs(verbs).Diagnostics;
}
