using RcmlEngine.Cli.Commands;

namespace RcmlEngine.Tests.Cli.Commands;

/// <summary><c>rcml validate</c> on a scheme-less <c>&lt;Sip&gt;</c>, <c>&lt;Hangup&gt;</c> parameters and <c>&lt;Pay&gt;</c>.</summary>
[TestFixture]
public sealed class ValidateVocabularyTests
{
    private string _file = null!;

    [SetUp]
    public void CreateFile() => _file = Path.Combine(Path.GetTempPath(), "rcml-vocab-" + Guid.NewGuid().ToString("N") + ".xml");

    [TearDown]
    public void DeleteFile() => File.Delete(_file);

    [Test]
    [CancelAfter(30_000)]
    public async Task Validate_SipWithoutScheme_IsAWarningWithLineAndColumnAndExits0(CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(_file, "<Response>\n  <Dial>\n    <Sip>kate@example.com</Sip>\n  </Dial>\n  <Hangup><Parameter name=\"reason\" value=\"done\"/></Hangup>\n</Response>", cancellationToken);
        using var output = new StringWriter();

        var exit = await ValidateCommand.RunAsync([_file], output, TextWriter.Null, cancellationToken);

        exit.Should().Be(0);
        output.ToString().TrimEnd().Should().Be(
            $"{_file}:3:10: warning RCML2012: <Sip> URI 'kate@example.com' has no scheme and is read as 'sip:kate@example.com'; write 'sip:' (or 'sips:') to say which");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Validate_Pay_IsAnErrorSayingItIsNotSupportedAndWhy(CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(_file, "<Response>\n  <Pay chargeAmount=\"10.00\"/>\n</Response>", cancellationToken);
        using var output = new StringWriter();

        var exit = await ValidateCommand.RunAsync([_file], output, TextWriter.Null, cancellationToken);

        exit.Should().Be(1);
        output.ToString().Should().StartWith($"{_file}:2:3: error RCML2003: <Pay> (Twilio payments) is not supported by RcmlEngine: ")
            .And.Contain("PCI");
    }
}
