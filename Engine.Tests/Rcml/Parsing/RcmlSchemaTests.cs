using System.Xml;
using RcmlEngine.Rcml;
using RcmlEngine.Rcml.Parsing;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Rcml.Parsing;

/// <summary>schemas/rcml.xsd: embedded, compiled, in step with the parser, and accepting every sample as an editor would.</summary>
[TestFixture]
public sealed class RcmlSchemaTests
{
    [Test]
    public void EmbeddedSchema_IsTheFileInSchemas()
    {
        using var embedded = typeof(RcmlSchema).Assembly.GetManifestResourceStream(RcmlSchema.ResourceName)!;
        using var reader = new StreamReader(embedded);

        reader.ReadToEnd().Should().Be(File.ReadAllText(Path.Combine(RepoPaths.Schemas, "rcml.xsd")));
    }

    [Test]
    public void Schema_CompilesWithResponseAsItsOnlyRoot()
    {
        RcmlSchema.Set.IsCompiled.Should().BeTrue();
        RcmlSchema.Set.GlobalElements.Names.Cast<XmlQualifiedName>().Select(n => n.Name).Should().Equal("Response");
    }

    [Test]
    public void EveryAttributeTheSchemaDeclares_IsKnownToTheParser()
    {
        var unknown = new List<string>();
        foreach (var (element, attributes) in RcmlSchema.Attributes)
        {
            foreach (var attribute in attributes)
            {
                var result = RcmlTestDocuments.Parse(InContext(element, $"{attribute}=\"1\""));
                if (result.Diagnostics.Any(d => d.Code is RcmlDiagnosticCodes.UnknownAttribute or RcmlDiagnosticCodes.UnsupportedAttribute))
                {
                    unknown.Add($"{element} {attribute}");
                }
            }
        }

        RcmlSchema.Attributes.Keys.Should().Contain(["Say", "Gather", "Dial", "Sip", "Conference", "Video", "break"]);
        unknown.Should().BeEmpty();
    }

    [Test]
    public void EveryElementTheParserKnows_IsDeclaredInTheSchema()
    {
        var declared = RcmlSchema.Attributes.Keys.ToHashSet();

        RcmlVocabulary.Verbs.Concat(RcmlVocabulary.DialNouns).Concat(RcmlVocabulary.InnerElements)
            .Concat(RcmlVocabulary.SsmlElements.Where(n => !n.Contains(':', StringComparison.Ordinal)))
            .Where(n => !declared.Contains(n)).Should().BeEmpty();
    }

    [Test]
    public void Samples_AreValidForAPlainSchemaValidatingReader()
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = RcmlSchema.Set, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);

        foreach (var sample in Directory.EnumerateFiles(RepoPaths.Samples, "*.xml"))
        {
            using var reader = XmlReader.Create(sample, settings);
            while (reader.Read())
            {
            }
        }

        errors.Should().BeEmpty();
    }

    [Test]
    public void ConferenceWithEveryTwilioAttributeTheEngineImplements_IsValidForAPlainSchemaValidatingReader()
    {
        var errors = Validate(TwilioConference(string.Empty));

        errors.Should().BeEmpty();
    }

    [TestCase("participantLabel=\"customer\"", "participantLabel=\"" + "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789\"")]
    [TestCase("coach=\"CA0123456789abcdef0123456789abcdef\"", "coach=\"CA0123\"")]
    [TestCase("jitterBufferSize=\"small\"", "jitterBufferSize=\"tiny\"")]
    public void ConferenceParticipantAttributes_AreCheckedByTheSchema(string valid, string invalid)
    {
        Validate(TwilioConference(string.Empty).Replace(valid, invalid, StringComparison.Ordinal)).Should().ContainSingle();
    }

    [Test]
    public void Parse_ConferenceWithEveryTwilioAttribute_OnlyWarnsAboutTheTwoItIgnores()
    {
        var result = RcmlTestDocuments.Parse(TwilioConference(" region=\"ie1\" eventCallbackUrl=\"events\""));

        result.Diagnostics.Select(d => d.Code).Should().Equal(RcmlDiagnosticCodes.UnsupportedAttribute, RcmlDiagnosticCodes.UnsupportedAttribute);
        result.Diagnostics.Select(d => d.Message).Should().SatisfyRespectively(
            region => region.Should().Contain("region"), callback => callback.Should().Contain("eventCallbackUrl"));
    }

    [Test]
    public void Parse_SomethingOnlyTheSchemaChecks_IsASchemaWarning()
    {
        var warning = RcmlTestDocuments.Single("<Say>Wait<break strength=\"enormous\"/>now</Say>", RcmlDiagnosticCodes.SchemaViolation);

        warning.IsError.Should().BeFalse();
        warning.Message.Should().StartWith("schemas/rcml.xsd:").And.Contain("strength");
        warning.Column.Should().Be(RcmlTestDocuments.FirstVerbColumn + 9);
    }

    [Test]
    public void Parse_WhatTheParserAlreadyReported_IsNotRepeatedByTheSchema()
    {
        var result = RcmlTestDocuments.Verbs("<Gather numDigits=\"0\" colour=\"red\"><Dial>1</Dial></Gather><Ninja><Pause/></Ninja>");

        result.Diagnostics.Select(d => d.Code).Should().NotContain(RcmlDiagnosticCodes.SchemaViolation);
        result.Diagnostics.Should().HaveCount(4);
    }

    /// <summary>A document whose Conference has every attribute Twilio documents but region and eventCallbackUrl, plus <paramref name="more"/>.</summary>
    private static string TwilioConference(string more) =>
        "<Response><Dial><Conference muted=\"true\" beep=\"onEnter\" startConferenceOnEnter=\"false\" endConferenceOnExit=\"true\""
        + " participantLabel=\"customer\" jitterBufferSize=\"small\" waitUrl=\"wait.xml\" waitMethod=\"GET\" maxParticipants=\"10\""
        + " record=\"record-from-start\" trim=\"do-not-trim\" coach=\"CA0123456789abcdef0123456789abcdef\""
        + " statusCallbackEvent=\"start end join leave mute hold modify speaker announcement\" statusCallback=\"events\" statusCallbackMethod=\"GET\""
        + " recordingStatusCallback=\"recordings\" recordingStatusCallbackMethod=\"GET\" recordingStatusCallbackEvent=\"in-progress completed absent\""
        + $"{more}>Room 42</Conference></Dial></Response>";

    private static List<string> Validate(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = RcmlSchema.Set, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static string InContext(string element, string attribute) => element switch
    {
        "Response" => $"<Response {attribute}/>",
        _ when RcmlVocabulary.Verbs.Contains(element) => $"<Response><{element} {attribute}>x</{element}></Response>",
        _ when RcmlVocabulary.DialNouns.Contains(element) => $"<Response><Dial><{element} {attribute}>x</{element}></Dial></Response>",
        "Video" or "Parameter" or "Identity" => $"<Response><Dial><Client>a<{element} {attribute}/></Client></Dial></Response>",
        _ => $"<Response><Say><{element} {attribute}>x</{element}></Say></Response>",
    };
}
