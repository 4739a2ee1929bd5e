using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using RcmlEngine.Cli;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Api;

/// <summary>
/// <c>rcml call</c> run in-process with its real arguments against a running engine and a SIPp UAS: what it
/// prints while following a call, its exit codes, Ctrl+C hanging the call up, and API errors.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed partial class CallCommandTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "cli-test-token";

    [Test]
    [CancelAfter(60_000)]
    public async Task Call_UasAnswersAndTheDocumentEnds_PrintsEachStatusThenTheDurationAndExitsZero(CancellationToken cancellationToken)
    {
        using var phone = new TestRtpPhone();
        await using var callee = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", phone.Port.ToString(CultureInfo.InvariantCulture));
        await using var engine = await TestEngine.StartAsync(new Dictionary<string, string?>(), cancellationToken);
        using var output = new WatchedWriter();
        using var errors = new WatchedWriter();

        var exit = await InvokeAsync(output, errors, cancellationToken,
            "--to", $"sip:desk@127.0.0.1:{callee.Port}", "--api", engine.HttpBaseUrl.AbsoluteUri, "--twiml", "<Response><Pause length=\"2\"/></Response>");

        exit.Should().Be(0, output.Text + errors.Text + engine.Log);
        var lines = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].Should().MatchRegex("^CA[0-9a-f]{32} queued$");
        lines[1..^1].Select(l => StatusLine().Match(l).Groups["status"].Value).Should().EndWith(["in-progress", "completed"]);
        lines[^1].Should().MatchRegex("^duration: [23] s$");
        errors.Text.Should().BeEmpty();
        (await callee.WaitAsync(cancellationToken)).Should().Be(0, "the engine hung up with BYE: " + callee.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Call_CalleeBusy_PrintsBusyAndExitsOne(CancellationToken cancellationToken)
    {
        await using var callee = SippRunner.StartUas("uas_busy.xml");
        await using var engine = await StartEngineWithAccountAsync(cancellationToken);
        using var output = new WatchedWriter();
        using var errors = new WatchedWriter();

        var exit = await InvokeAsync(output, errors, cancellationToken, "--to", $"sip:desk@127.0.0.1:{callee.Port}", "--from", "+15550001111",
            "--api", engine.HttpBaseUrl.AbsoluteUri, "--account", AccountSid, "--token", AuthToken, "--url", "http://127.0.0.1:9/never");

        exit.Should().Be(1, output.Text + errors.Text);
        output.Text.Should().MatchRegex(@"\d s  busy\n").And.EndWith("duration: 0 s\n");
        (await callee.WaitAsync(cancellationToken)).Should().Be(0, callee.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Call_InterruptedWhileInProgress_HangsTheCallUpAndExitsOne(CancellationToken cancellationToken)
    {
        using var phone = new TestRtpPhone();
        await using var callee = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", phone.Port.ToString(CultureInfo.InvariantCulture));
        await using var engine = await StartEngineWithAccountAsync(cancellationToken);
        using var output = new WatchedWriter();
        using var errors = new WatchedWriter();
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var run = InvokeAsync(output, errors, ctrlC.Token, "--to", $"sip:desk@127.0.0.1:{callee.Port}", "--api", engine.HttpBaseUrl.AbsoluteUri,
            "--account", AccountSid, "--token", AuthToken, "--twiml", "<Response><Pause length=\"30\"/></Response>");
        var answered = output.WaitForAsync("in-progress", cancellationToken);
        (await Task.WhenAny(answered, run)).Should().BeSameAs(answered, output.Text + errors.Text);
        await ctrlC.CancelAsync();

        (await run).Should().Be(1, output.Text + errors.Text);
        output.Text.Should().EndWith("hung up: completed\n");
        errors.Text.Should().StartWith("rcml call: interrupted, hanging up CA");
        (await callee.WaitAsync(cancellationToken)).Should().Be(0, "the callee got BYE: " + callee.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Call_WrongToken_PrintsTwiliosErrorAndCodeAndExitsTwo(CancellationToken cancellationToken)
    {
        await using var engine = await StartEngineWithAccountAsync(cancellationToken);
        using var output = new WatchedWriter();
        using var errors = new WatchedWriter();

        var exit = await InvokeAsync(output, errors, cancellationToken, "--to", "sip:desk@127.0.0.1:5999", "--api", engine.HttpBaseUrl.AbsoluteUri,
            "--account", AccountSid, "--token", "not-the-token", "--twiml", "<Response/>");

        exit.Should().Be(2);
        output.Text.Should().BeEmpty();
        errors.Text.Should().Contain("Authenticate: the AccountSid and AuthToken do not match a configured account (code 20003, HTTP 401)")
            .And.NotContain("not-the-token");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Call_ToCannotBeCalled_PrintsTheCodeAndExitsTwo(CancellationToken cancellationToken)
    {
        await using var engine = await TestEngine.StartAsync(new Dictionary<string, string?>(), cancellationToken);
        using var output = new WatchedWriter();
        using var errors = new WatchedWriter();

        var exit = await InvokeAsync(output, errors, cancellationToken, "--to", "mailto:desk@example.com", "--api", engine.HttpBaseUrl.AbsoluteUri,
            "--twiml", "<Response/>");

        exit.Should().Be(2);
        errors.Text.Should().MatchRegex(@"^rcml call: .+ \(code 21211, HTTP 400\)");
    }

    [TestCase(new[] { "--twiml", "<Response/>" }, "--to")]
    [TestCase(new[] { "--to", "sip:a@127.0.0.1" }, "--url or --twiml")]
    [TestCase(new[] { "--to", "sip:a@127.0.0.1", "--url", "ftp://x/y", }, "--url must be an http or https URL")]
    [TestCase(new[] { "--to", "sip:a@127.0.0.1", "--twiml", "<Response/>", "--timeout", "0" }, "--timeout must be from 1 to 600")]
    [CancelAfter(10_000)]
    public async Task Call_BadUsage_ExitsTwoNamingTheProblem(string[] arguments, string problem)
    {
        var parse = RcmlCommandLine.Build().Parse(["call", .. arguments]);

        parse.Errors.Select(e => e.Message).Should().Contain(m => m.Contains(problem));
        (await RcmlCommandLine.InvokeAsync(["call", .. arguments])).Should().Be(RcmlCommandLine.UsageError);
    }

    private static async Task<int> InvokeAsync(TextWriter output, TextWriter errors, CancellationToken cancellationToken, params string[] arguments)
    {
        var parse = RcmlCommandLine.Build().Parse(["call", .. arguments]);
        parse.Errors.Should().BeEmpty();
        var invocation = new InvocationConfiguration { Output = output, Error = errors, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    private static Task<TestEngine> StartEngineWithAccountAsync(CancellationToken cancellationToken) =>
        TestEngine.StartAsync(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Accounts:0:AccountSid"] = AccountSid,
            ["Accounts:0:AuthToken"] = AuthToken,
        }, cancellationToken);

    [GeneratedRegex(@"^\d+\.\d s  (?<status>[a-z-]+)$")]
    private static partial Regex StatusLine();
}
