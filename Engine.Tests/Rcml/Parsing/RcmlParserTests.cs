using System.Text;
using RcmlEngine.Rcml;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Rcml.Parsing;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Rcml.Parsing;

[TestFixture]
public sealed class RcmlParserTests
{
    private const string Ivr = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Response>
          <Gather numDigits="1" action="menu">
            <Say>Press 1.</Say>
          </Gather>
          <Redirect>ivr.xml</Redirect>
        </Response>
        """;

    [Test]
    public void Parse_MultiLineDocument_RecordsLineAndColumnOfEveryNode()
    {
        var document = RcmlParser.Default.Parse(Ivr).Document!;

        document.Span.Should().Be(new SourceSpan(2, 1));
        var gather = document.Verbs[0].Should().BeOfType<GatherVerb>().Subject;
        gather.Span.Should().Be(new SourceSpan(3, 3));
        gather.Children[0].Span.Should().Be(new SourceSpan(4, 5));
        document.Verbs[1].Span.Should().Be(new SourceSpan(6, 3));
    }

    [Test]
    public void Parse_UnknownAttribute_PointsAtTheAttribute()
    {
        var result = RcmlParser.Default.Parse("<Response>\n  <Say\n     lagnauge=\"en\">Hi</Say>\n</Response>");

        var warning = result.Diagnostics.Should().ContainSingle().Subject;
        warning.Should().BeEquivalentTo(new { Code = RcmlDiagnosticCodes.UnknownAttribute, Severity = RcmlSeverity.Warning, Line = 3, Column = 6 });
        warning.Message.Should().Contain("'lagnauge'").And.Contain("Did you mean 'language'?");
        result.Document!.Verbs[0].UnknownAttributes.Should().ContainSingle().Which.Should().Be(new RcmlAttribute("lagnauge", "en", new SourceSpan(3, 6)));
    }

    [TestCase("<Response><Hangup/></Response>")]
    [TestCase("<?xml version=\"1.0\"?><Response><Hangup/></Response>")]
    [TestCase("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- generated -->\n<Response>\n  <!-- bye -->\n  <Hangup />\n</Response>\n<!-- end -->\n")]
    [TestCase("  \n\t<Response>   <Hangup>  </Hangup>  </Response>   ")]
    [TestCase("<Response><?php echo 1; ?><Hangup/></Response>")]
    public void Parse_TolerableVariations_GiveTheSameCleanDocument(string xml)
    {
        var result = RcmlParser.Default.Parse(xml);

        result.Diagnostics.Should().BeEmpty();
        result.Document!.Verbs.Should().ContainSingle().Which.Should().BeOfType<HangupVerb>();
    }

    [Test]
    public void Parse_AttributeValuesWithSurroundingSpaces_AreTrimmed()
    {
        var gather = RcmlTestDocuments.Clean<GatherVerb>("<Gather timeout=\" 7 \" method=\" GET\" action=\" next.xml \" finishOnKey=\" * \"/>");

        gather.Timeout.Should().Be(TimeSpan.FromSeconds(7));
        gather.Method.Should().Be(RcmlHttpMethod.Get);
        gather.Action!.OriginalString.Should().Be("next.xml");
        gather.FinishOnKey.Should().Be("*");
    }

    [Test]
    public void Parse_TextContent_IsTrimmedAndCdataAccepted()
    {
        var play = RcmlTestDocuments.Clean<PlayVerb>("<Play>\n   <![CDATA[https://example.com/a.wav?x=1&y=2]]>\n </Play>");

        play.Url.Should().Be(new Uri("https://example.com/a.wav?x=1&y=2"));
    }

    [Test]
    public void Parse_EmptyResponse_IsACleanEmptyDocument()
    {
        var result = RcmlParser.Default.Parse("<Response/>");

        result.IsExecutable.Should().BeTrue();
        result.Document!.Verbs.Should().BeEmpty();
    }

    [Test]
    public void Parse_Utf16DocumentWithBom_IsDecoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?><Response><Say>Grüße</Say></Response>")).ToArray();

        var result = RcmlParser.Default.Parse(bytes);

        result.Diagnostics.Should().BeEmpty();
        result.Document!.Verbs[0].Should().BeOfType<SayVerb>().Which.Text.Should().Be("Grüße");
    }

    [Test]
    public void Parse_Latin1DeclaredEncoding_IsDecoded()
    {
        var bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Response><Say>nécessaire</Say></Response>");

        var say = RcmlParser.Default.Parse(bytes).Document!.Verbs[0].Should().BeOfType<SayVerb>().Subject;

        say.Text.Should().Be("nécessaire");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ParseAsync_Stream_GivesTheSameResultAsParse(CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Ivr));

        var result = await RcmlParser.Default.ParseAsync(stream, cancellationToken);

        result.Diagnostics.Should().BeEmpty();
        result.Document.Should().BeEquivalentTo(RcmlParser.Default.Parse(Ivr).Document, o => o.RespectingRuntimeTypes());
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ParseAsync_HttpContent_ReadsTheBody(CancellationToken cancellationToken)
    {
        using var content = new StringContent("<Response><Reject reason=\"busy\"/></Response>", Encoding.UTF8, "text/xml");

        var result = await RcmlParser.Default.ParseAsync(content, cancellationToken);

        result.Document!.Verbs[0].Should().BeOfType<RejectVerb>().Which.Reason.Should().Be(RejectReason.Busy);
    }

    [Test]
    public void Parse_MalformedXmlAfterSomeVerbs_KeepsThePartialDocumentAndSaysWhere()
    {
        var result = RcmlParser.Default.Parse("<Response>\n<Say>One</Say>\n<Pause length=\"2\"/>\n<Say>Two</Sya>\n</Response>");

        var error = result.Diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be(RcmlDiagnosticCodes.MalformedXml);
        error.Line.Should().Be(4);
        error.Message.Should().Contain("Sya").And.NotContain("Line 4");
        result.Document!.Verbs.Select(v => v.ElementName).Should().Equal("Say", "Pause", "Say");
        result.IsExecutable.Should().BeFalse();
    }

    [TestCase("<Respnse><Say>Hi</Say></Respnse>", "Did you mean 'Response'?")]
    [TestCase("<response/>", "(RCML names are case-sensitive)")]
    [TestCase("<Document/>", "an RCML document is a <Response>.")]
    public void Parse_WrongRoot_MessageSuggestsResponse(string xml, string expected)
    {
        RcmlParser.Default.Parse(xml).Diagnostics.Should().ContainSingle().Which.Message.Should().EndWith(expected);
    }

    [TestCase("", RcmlDiagnosticCodes.EmptyDocument)]
    [TestCase("   \n  ", RcmlDiagnosticCodes.EmptyDocument)]
    [TestCase("<!-- only a comment -->", RcmlDiagnosticCodes.MalformedXml)]
    [TestCase("<Reponse><Say>Hi</Say></Reponse>", RcmlDiagnosticCodes.RootNotResponse)]
    [TestCase("<response/>", RcmlDiagnosticCodes.RootNotResponse)]
    [TestCase("{\"say\": \"hello\"}", RcmlDiagnosticCodes.MalformedXml)]
    [TestCase("Hello there", RcmlDiagnosticCodes.MalformedXml)]
    public void Parse_NotAnRcmlDocument_GivesNoDocumentAndOneError(string input, string code)
    {
        var result = RcmlParser.Default.Parse(input);

        result.Document.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(code);
    }

    [Test]
    public void Parse_LowercaseRoot_HintsThatNamesAreCaseSensitive()
    {
        RcmlParser.Default.Parse("<response/>").Diagnostics[0].Message.Should().Contain("case-sensitive");
    }

    [Test]
    public void Parse_SchemaLocationHints_AreNotReportedAsAttributes()
    {
        var result = RcmlParser.Default.Parse(
            "<Response xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"../schemas/rcml.xsd\"><Hangup/></Response>");

        result.Diagnostics.Should().BeEmpty();
    }

    [Test]
    public void Parse_DiagnosticsFromAllPasses_AreInDocumentOrder()
    {
        var result = RcmlTestDocuments.Verbs("<Hangup/><Say loop=\"-1\" colour=\"red\">x</Say><Ninja/>");

        result.Diagnostics.Select(d => d.Column).Should().BeInAscendingOrder();
        result.Diagnostics.Select(d => d.Code).Should().Equal(
            RcmlDiagnosticCodes.UnreachableVerb, RcmlDiagnosticCodes.ValueOutOfRange, RcmlDiagnosticCodes.UnknownAttribute, RcmlDiagnosticCodes.UnknownElement);
    }

    [Test]
    public void Parse_WithValidationAndSchemaOff_ReportsOnlyVocabularyProblems()
    {
        var parser = new RcmlParser(new RcmlParserOptions { Validate = false, CheckSchema = false });

        var result = parser.Parse("<Response><Gather numDigits=\"0\"><Dial>1</Dial></Gather><Ninja/></Response>");

        result.Diagnostics.Select(d => d.Code).Should().Equal(RcmlDiagnosticCodes.UnknownElement);
    }

    [Test]
    public void Parse_WithValidationOff_StillReportsWhatTheSchemaRejects()
    {
        var parser = new RcmlParser(new RcmlParserOptions { Validate = false });

        var result = parser.Parse("<Response><Gather numDigits=\"0\"/></Response>");

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(RcmlDiagnosticCodes.SchemaViolation);
    }

    [Test]
    public void Parse_ManyThreadsAtOnce_GiveIdenticalResults()
    {
        var documents = Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? Ivr : "<Response><Gather><Dial>1</Dial></Gather></Response>").ToArray();

        var results = documents.AsParallel().WithDegreeOfParallelism(4).Select(d => RcmlParser.Default.Parse(d).Diagnostics.Count).ToArray();

        results.Where((_, i) => i % 2 == 0).Should().AllBeEquivalentTo(0);
        results.Where((_, i) => i % 2 == 1).Should().AllBeEquivalentTo(1);
    }

    [Test]
    public void Constructor_NonsenseLimits_AreRefused()
    {
        var zeroSize = () => new RcmlParser(new RcmlParserOptions { MaxDocumentBytes = 0 });
        var noDepth = () => new RcmlParser(new RcmlParserOptions { MaxDepth = 1 });

        zeroSize.Should().Throw<ArgumentOutOfRangeException>();
        noDepth.Should().Throw<ArgumentOutOfRangeException>();
    }
}
