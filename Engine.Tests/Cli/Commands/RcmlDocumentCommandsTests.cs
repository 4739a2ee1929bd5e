using System.Text.Json;
using RcmlEngine.Cli;
using RcmlEngine.Cli.Commands;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Cli.Commands;

/// <summary><c>rcml validate</c> and <c>rcml parse</c>: output format and exit codes.</summary>
[TestFixture]
public sealed class RcmlDocumentCommandsTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "rcml-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_folder, "nested"));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    [CancelAfter(30_000)]
    public async Task Validate_Samples_IsCleanWithExitCode0(CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await ValidateCommand.RunAsync([RepoPaths.Samples], output, errors, cancellationToken);

        exit.Should().Be(0);
        output.ToString().Should().BeEmpty();
        errors.ToString().Should().Contain("0 error(s), 0 warning(s)");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Validate_FolderWithProblems_PrintsCompilerStyleLinesAndExits1(CancellationToken cancellationToken)
    {
        var bad = Path.Combine(_folder, "nested", "bad.xml");
        await File.WriteAllTextAsync(bad, "<Response>\n  <Gather numDigits=\"0\"/>\n  <Say lagnauge=\"en\">x</Say>\n</Response>", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_folder, "good.xml"), "<Response><Hangup/></Response>", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_folder, "notes.txt"), "not RCML", cancellationToken);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await ValidateCommand.RunAsync([_folder], output, errors, cancellationToken);

        exit.Should().Be(1);
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"{bad}:2:3: error RCML3005: <Gather> numDigits=\"0\" is out of range; it must be at least 1",
            $"{bad}:3:8: warning RCML2004: <Say> has no attribute 'lagnauge'; it is ignored. Did you mean 'language'?");
        errors.ToString().Should().Contain("2 file(s): 1 error(s), 1 warning(s)");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Validate_OnlyWarnings_Exits0(CancellationToken cancellationToken)
    {
        var file = Path.Combine(_folder, "warn.xml");
        await File.WriteAllTextAsync(file, "<Response><Hangup/><Say>never</Say></Response>", cancellationToken);
        using var output = new StringWriter();

        var exit = await ValidateCommand.RunAsync([file], output, TextWriter.Null, cancellationToken);

        exit.Should().Be(0);
        output.ToString().Should().Contain("warning RCML3008");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Validate_MissingPathOrEmptyFolder_IsBadUsage(CancellationToken cancellationToken)
    {
        using var errors = new StringWriter();

        (await ValidateCommand.RunAsync([Path.Combine(_folder, "nope.xml")], TextWriter.Null, errors, cancellationToken)).Should().Be(2);
        (await ValidateCommand.RunAsync([Path.Combine(_folder, "nested")], TextWriter.Null, errors, cancellationToken)).Should().Be(2);
        errors.ToString().Should().Contain("no such file or folder").And.Contain("no *.xml file");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task CommandLine_ValidateWithoutPath_IsBadUsage(CancellationToken cancellationToken)
    {
        var exit = await RcmlCommandLine.InvokeAsync(["validate"]).WaitAsync(cancellationToken);

        exit.Should().Be(RcmlCommandLine.UsageError);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task CommandLine_ValidateASample_Exits0(CancellationToken cancellationToken)
    {
        var exit = await RcmlCommandLine.InvokeAsync(["validate", Path.Combine(RepoPaths.Samples, "ivr.xml")]).WaitAsync(cancellationToken);

        exit.Should().Be(0);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Parse_Json_PrintsTheAstAndDiagnostics(CancellationToken cancellationToken)
    {
        var file = Path.Combine(_folder, "doc.xml");
        await File.WriteAllTextAsync(file, "<Response><Say voice=\"alice\">Hi</Say><Dial><Sip>sip:+15551234567@example.com;transport=tcp?X-A=1&amp;X-B=two</Sip></Dial><Ninja/></Response>", cancellationToken);
        using var output = new StringWriter();

        var exit = await ParseCommand.RunAsync(file, json: true, output, TextWriter.Null, cancellationToken);

        exit.Should().Be(1);
        using var json = JsonDocument.Parse(output.ToString());
        var verbs = json.RootElement.GetProperty("document").GetProperty("verbs");
        verbs[0].GetProperty("verb").GetString().Should().Be("Say");
        verbs[0].GetProperty("voice").GetString().Should().Be("alice");
        verbs[0].GetProperty("span").GetProperty("column").GetInt32().Should().Be(11);
        verbs[0].TryGetProperty("elementName", out _).Should().BeFalse();
        var sip = verbs[1].GetProperty("nouns")[0];
        sip.GetProperty("noun").GetString().Should().Be("Sip");
        sip.GetProperty("uri").GetProperty("transport").GetString().Should().Be("tcp");
        sip.GetProperty("uri").GetProperty("user").GetString().Should().Be("+15551234567");
        var diagnostic = json.RootElement.GetProperty("diagnostics")[0];
        diagnostic.GetProperty("code").GetString().Should().Be("RCML2001");
        diagnostic.GetProperty("severity").GetString().Should().Be("error");
        output.ToString().Should().Contain("\"+15551234567").And.Contain("X-A=1&X-B=two", "JSON for a terminal keeps + and & readable");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Parse_WithoutJson_PrintsAnOutline(CancellationToken cancellationToken)
    {
        using var output = new StringWriter();

        var exit = await ParseCommand.RunAsync(Path.Combine(RepoPaths.Samples, "ring-group.xml"), json: false, output, TextWriter.Null, cancellationToken);

        exit.Should().Be(0);
        output.ToString().Should().Contain("5:3 Dial").And.Contain("6:5 Number +15550100301").And.Contain("Client backoffice");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Parse_MissingFile_IsBadUsage(CancellationToken cancellationToken)
    {
        var exit = await ParseCommand.RunAsync(Path.Combine(_folder, "none.xml"), json: true, TextWriter.Null, TextWriter.Null, cancellationToken);

        exit.Should().Be(2);
    }
}
