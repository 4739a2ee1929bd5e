using System.Diagnostics;
using System.Text;
using RcmlEngine.Rcml;
using RcmlEngine.Rcml.Parsing;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Rcml.Parsing;

/// <summary>Input an attacker or a broken application could send: it must give diagnostics, fast, never an exception.</summary>
[TestFixture]
public sealed class RcmlParserHostileInputTests
{
    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <Response><Say>&lol9;</Say></Response>
        """;

    [Test]
    public void Parse_BillionLaughs_IsRefusedAtOnceAsADtd()
    {
        var clock = Stopwatch.StartNew();

        var result = RcmlParser.Default.Parse(BillionLaughs);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "no entity may be expanded");
        result.Document.Should().BeNull();
        var error = result.Diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be(RcmlDiagnosticCodes.DtdProhibited);
        error.Line.Should().Be(2);
        error.Message.Should().Contain("DTD");
    }

    [Test]
    public void Parse_ExternalEntity_IsRefusedWithoutReadingTheFile()
    {
        var result = RcmlParser.Default.Parse("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Response><Say>&x;</Say></Response>");

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(RcmlDiagnosticCodes.DtdProhibited);
        result.Document.Should().BeNull();
    }

    [Test]
    public void Parse_UndeclaredEntity_IsMalformedXml()
    {
        var result = RcmlTestDocuments.Verbs("<Say>&nbsp;</Say>");

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(RcmlDiagnosticCodes.MalformedXml);
    }

    [Test]
    public void Parse_DocumentOverTheCap_IsRefusedBeforeParsing()
    {
        var parser = new RcmlParser(new RcmlParserOptions { MaxDocumentBytes = 1024 });
        var big = "<Response>" + string.Concat(Enumerable.Repeat("<Pause/>", 200)) + "</Response>";

        var result = parser.Parse(big);

        result.Document.Should().BeNull();
        var error = result.Diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be(RcmlDiagnosticCodes.DocumentTooLarge);
        error.Message.Should().Contain("1024");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ParseAsync_OversizedFile_NamesItsRealSize(CancellationToken cancellationToken)
    {
        var parser = new RcmlParser(new RcmlParserOptions { MaxDocumentBytes = 1024 });
        using var file = new MemoryStream(new byte[5000]);

        var result = await parser.ParseAsync(file, cancellationToken);

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Be("the document is too large (5000 bytes; the limit is 1024 bytes)");
    }

    [Test]
    public void Parse_DefaultCap_Is64KiB()
    {
        var justUnder = "<Response>" + new string(' ', (64 * 1024) - 21) + "</Response>";
        var justOver = justUnder + " ";

        RcmlParser.Default.Parse(justUnder).Diagnostics.Should().BeEmpty();
        RcmlParser.Default.Parse(justOver).Diagnostics.Should().ContainSingle().Which.Code.Should().Be(RcmlDiagnosticCodes.DocumentTooLarge);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ParseAsync_EndlessStream_StopsReadingJustPastTheCap(CancellationToken cancellationToken)
    {
        var parser = new RcmlParser(new RcmlParserOptions { MaxDocumentBytes = 4096 });
        using var stream = new EndlessStream();

        var result = await parser.ParseAsync(stream, cancellationToken);

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(RcmlDiagnosticCodes.DocumentTooLarge);
        stream.BytesRead.Should().BeLessThanOrEqualTo(4097);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ParseAsync_HttpContentDeclaringTooManyBytes_IsRefusedWithoutReading(CancellationToken cancellationToken)
    {
        using var stream = new EndlessStream();
        using var content = new StreamContent(stream);
        content.Headers.ContentLength = 10_000_000;

        var result = await RcmlParser.Default.ParseAsync(content, cancellationToken);

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("10000000 bytes");
        stream.BytesRead.Should().Be(0);
    }

    [Test]
    public void Parse_DeepNesting_StopsAtTheCap()
    {
        var deep = "<Response><Say>" + string.Concat(Enumerable.Repeat("<emphasis>", 1000)) + "x" + string.Concat(Enumerable.Repeat("</emphasis>", 1000)) + "</Say></Response>";

        var result = RcmlParser.Default.Parse(deep);

        var error = result.Diagnostics.Should().ContainSingle(d => d.IsError).Subject;
        error.Code.Should().Be(RcmlDiagnosticCodes.NestingTooDeep);
        error.Message.Should().Contain("32");
        error.Column.Should().Be(16 + (30 * "<emphasis>".Length));
    }

    [Test]
    public void Parse_NestingCap_IsConfigurable()
    {
        var parser = new RcmlParser(new RcmlParserOptions { MaxDepth = 3 });

        parser.Parse("<Response><Gather><Say>Hi</Say></Gather></Response>").Diagnostics.Should().BeEmpty();
        parser.Parse("<Response><Gather><Say><break/></Say></Gather></Response>").Diagnostics
            .Should().ContainSingle().Which.Code.Should().Be(RcmlDiagnosticCodes.NestingTooDeep);
    }

    [TestCase("<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head><body><h1>Oops</h1><br></body></html>", "500 Internal Server Error")]
    [TestCase("<html>\n<head>\n<title>\n  Application   Error\n</title>\n</head><body>Stack trace: at Foo()</body></html>", "Application Error")]
    [TestCase("<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD><BODY>The page &copy; is gone<p></BODY></HTML>", "404 Not Found")]
    [TestCase("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Bad Gateway</title></head><body/></html>", "Bad Gateway")]
    public void Parse_HtmlErrorPage_SaysSoAndQuotesItsTitle(string page, string title)
    {
        var result = RcmlParser.Default.Parse(page);

        result.Document.Should().BeNull();
        var error = result.Diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be(RcmlDiagnosticCodes.HtmlInsteadOfRcml);
        error.Message.Should().Contain("HTML page").And.Contain($"\"{title}\"");
    }

    [Test]
    public void Parse_HtmlPageWithoutTitle_SaysSo()
    {
        var result = RcmlParser.Default.Parse("<html><body>Internal error</body></html>");

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("without a title");
    }

    [TestCase(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 })]
    [TestCase(new byte[] { 0x00, 0x00, 0x00, 0x00 })]
    [TestCase(new byte[] { 0x3C, 0x52, 0xC3, 0x28, 0x3E })]
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF })]
    public void Parse_BinaryGarbage_GivesAnErrorNotAnException(byte[] bytes)
    {
        var result = RcmlParser.Default.Parse(bytes);

        result.Document.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.IsError.Should().BeTrue();
    }

    [Test]
    public void Parse_UnknownDeclaredEncoding_IsAnError()
    {
        var result = RcmlParser.Default.Parse(Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"klingon-8\"?><Response/>"));

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(RcmlDiagnosticCodes.MalformedXml);
    }

    [Test]
    public void Parse_EveryTruncationOfASample_NeverThrows()
    {
        var sample = File.ReadAllText(Path.Combine(RepoPaths.Samples, "speech.xml"));

        for (var length = 0; length <= sample.Length; length++)
        {
            var result = RcmlParser.Default.Parse(sample[..length]);
            (result.Document is not null || result.HasErrors).Should().BeTrue($"a prefix of {length} characters gives a document or an error");
        }
    }

    [Test]
    public void Parse_RandomMutationsOfSamples_NeverThrow()
    {
        var random = new Random(20240601);
        var samples = Directory.GetFiles(RepoPaths.Samples, "*.xml").Select(File.ReadAllBytes).ToArray();
        const string Alphabet = "<>/=\"'&;![]?- \n\tSayDialSipabc0123#*:%";

        for (var i = 0; i < 3000; i++)
        {
            var bytes = (byte[])samples[random.Next(samples.Length)].Clone();
            for (var edits = random.Next(1, 6); edits > 0; edits--)
            {
                var at = random.Next(bytes.Length);
                bytes[at] = random.Next(4) == 0 ? (byte)random.Next(256) : (byte)Alphabet[random.Next(Alphabet.Length)];
            }

            var result = RcmlParser.Default.Parse(bytes);
            result.Should().NotBeNull();
        }
    }

    [Test]
    public void Parse_HugeAttributeAndTextValues_AreHandledWithinTheCap()
    {
        var longValue = new string('9', 40_000);

        var result = RcmlTestDocuments.Verbs($"<Gather numDigits=\"{longValue}\"/><Say>{new string('a', 20_000)}</Say>");

        result.Diagnostics.Select(d => d.Code).Should().Equal(RcmlDiagnosticCodes.InvalidAttributeValue, RcmlDiagnosticCodes.TextTooLong);
        result.Diagnostics[0].Message.Length.Should().BeLessThan(200, "values are shortened when quoted");
    }

    [Test]
    public void Parse_SipHeaderInjection_IsAnError()
    {
        var error = RcmlTestDocuments.Single("<Dial><Sip>sip:bob@example.com?X-A=1%0D%0AContact:%20evil</Sip></Dial>", RcmlDiagnosticCodes.InvalidSipHeader);

        error.IsError.Should().BeTrue();
    }

    [Test]
    public void Parse_FileUrl_IsAnError()
    {
        RcmlTestDocuments.Single("<Play>file:///etc/passwd</Play>", RcmlDiagnosticCodes.UnsupportedUrlScheme).IsError.Should().BeTrue();
    }

    /// <summary>A stream of spaces that never ends, counting what was read from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            buffer.Fill((byte)' ');
            BytesRead += buffer.Length;
            return buffer.Length;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
