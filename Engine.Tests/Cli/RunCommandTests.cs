using RcmlEngine.Cli;
using RcmlEngine.Cli.Run;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Cli;

[TestFixture]
public sealed class RunCommandTests
{
    private DirectoryInfo _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("rcml-run-tests");

    [TearDown]
    public void TearDown() => _folder.Delete(recursive: true);

    [Test]
    [CancelAfter(20_000)]
    public async Task Run_LocalFiles_FollowsActionsToSiblingFilesAndExitsZero(CancellationToken ct)
    {
        Write("menu.xml", """
            <Response>
              <Gather numDigits="1" action="choice.xml"><Say>Press 1 to leave a message</Say></Gather>
            </Response>
            """);
        Write("choice.xml", "<Response><Record action=\"sub/saved.xml\" maxLength=\"5\"/></Response>");
        Write("sub/saved.xml", "<Response><Say>Saved, goodbye</Say></Response>");

        var (exit, output, errors) = await RunAsync(new() { Target = Path.Combine(_folder.FullName, "menu.xml"), Digits = "1,w#", Fast = true }, ct);

        exit.Should().Be(TerminalCall.Success, errors);
        output.Should().ContainAll(
            "Say (man, en): Press 1 to leave a message",
            "caller presses 1",
            "Beep",
            "ended by key #",
            "Say (man, en): Saved, goodbye",
            "call ended: completed, 3 documents");
        errors.Should().BeEmpty();
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Run_IvrSample_MenuChoiceToVoicemailAndSaved(CancellationToken ct)
    {
        var (exit, output, errors) = await RunAsync(new() { Target = Path.Combine(RepoPaths.Samples, "ivr.xml"), Digits = "3,w#", Fast = true }, ct);

        exit.Should().Be(TerminalCall.Success, errors);
        output.Should().ContainAll(
            "/audio/greeting.wav",
            "caller presses 3",
            "Thank you. Everyone is busy at the moment.",
            "Please leave a message after the beep.",
            "ended by key #",
            "Your message has been saved. Goodbye.",
            "call ended: completed, 4 documents, 7 verbs, 0 errors");
        errors.Should().Contain("64008", "the virtual phone records silence: the sample's transcription is reported as not done");
        errors.Should().NotContain("error:");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Run_HelloSample_PlaysEverythingThenHangsUp(CancellationToken ct)
    {
        var (exit, output, errors) = await RunAsync(new() { Target = Path.Combine(RepoPaths.Samples, "hello.xml"), Fast = true }, ct);

        exit.Should().Be(TerminalCall.Success, errors);
        output.Should().ContainAll("Pause 1 s", "Say (woman, en-US): Goodbye.", "engine hangs up (completed");
        errors.Should().BeEmpty();
    }

    [TestCase("busy.xml", "busy")]
    [TestCase("blocked.xml", "no-answer")]
    [CancelAfter(20_000)]
    public async Task Run_RejectSamples_EndUnanswered(string sample, string status, CancellationToken ct)
    {
        var (exit, output, _) = await RunAsync(new() { Target = Path.Combine(RepoPaths.Samples, sample), Fast = true }, ct);

        exit.Should().Be(TerminalCall.Success);
        output.Should().Contain($"call ended: {status}").And.NotContain("answered");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Run_TypedKeys_AreReadFromTheInput(CancellationToken ct)
    {
        Write("menu.xml", "<Response><Gather numDigits=\"2\" action=\"next.xml\"/></Response>");
        Write("next.xml", "<Response><Say>done</Say></Response>");

        var (exit, output, _) = await RunAsync(new() { Target = Path.Combine(_folder.FullName, "menu.xml"), Fast = true }, ct, input: "42\n");

        exit.Should().Be(TerminalCall.Success);
        output.Should().Contain("caller presses 4").And.Contain("caller presses 2").And.Contain("Say (man, en): done");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Run_ScriptUsedUp_CallerHangsUp(CancellationToken ct)
    {
        Write("loop.xml", "<Response><Gather numDigits=\"1\"/><Redirect>loop.xml</Redirect></Response>");

        var (exit, output, _) = await RunAsync(new() { Target = Path.Combine(_folder.FullName, "loop.xml"), Digits = "1,2", Fast = true }, ct);

        exit.Should().Be(TerminalCall.Success);
        output.Should().Contain("caller hangs up").And.Contain("call ended: completed, 3 documents");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Run_Refer_SimulatesTheTransferThenHangsUp(CancellationToken ct)
    {
        Write("refer.xml", "<Response><Refer><Sip>sip:alice@example.com?X-Ticket=42</Sip></Refer><Say>after</Say></Response>");

        var (exit, output, _) = await RunAsync(new() { Target = Path.Combine(_folder.FullName, "refer.xml"), Fast = true }, ct);

        exit.Should().Be(0);
        output.Should().Contain("REFER to sip:alice@example.com?X-Ticket=42: 202, NOTIFY 200 (in-progress)")
            .And.Contain("engine hangs up").And.NotContain("Say (man, en): after", "a transferred call has left the engine");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Run_Dial_RingsAVirtualPartyAndBridgesIt(CancellationToken ct)
    {
        Write("dial.xml", "<Response><Dial timeLimit=\"1\">+15551234567</Dial><Say>after</Say></Response>");

        var (exit, output, _) = await RunAsync(new() { Target = Path.Combine(_folder.FullName, "dial.xml"), Fast = true }, ct);

        exit.Should().Be(0);
        output.Should().Contain("dialing number +15551234567").And.Contain("Ringback (us)").And.Contain("connected to +15551234567")
            .And.Contain("Say (man, en): after");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Run_BrokenDocument_ApologyAndExitOne(CancellationToken ct)
    {
        Write("broken.xml", "<Response><Say>oops</Response>");

        var (exit, output, errors) = await RunAsync(new() { Target = Path.Combine(_folder.FullName, "broken.xml"), Fast = true }, ct);

        exit.Should().Be(TerminalCall.CallFailed);
        errors.Should().Contain("12100");
        output.Should().Contain("Sorry, this application is not available right now");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Run_HttpUrl_CallsTheAppSigned(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.MapXml("/voice", "<Response><Say>remote</Say></Response>").RequireSignature("s3cret");

        var (exit, output, _) = await RunAsync(new() { Target = app.Url("/voice").ToString(), AuthToken = "s3cret", Fast = true }, ct);

        exit.Should().Be(TerminalCall.Success);
        output.Should().Contain("Say (man, en): remote");
        app.RequestsTo("/voice").Single()["CallStatus"].Should().Be("ringing");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Run_MissingFile_IsAUsageError(CancellationToken ct)
    {
        var (exit, _, errors) = await RunAsync(new() { Target = Path.Combine(_folder.FullName, "nope.xml") }, ct);

        exit.Should().Be(RcmlCommandLine.UsageError);
        errors.Should().Contain("neither an existing file nor an http(s) URL");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task CommandLine_RunWithBadMethod_IsAUsageError(CancellationToken ct)
    {
        var exit = await RcmlCommandLine.InvokeAsync(["run", "x.xml", "--method", "PUT"]);

        exit.Should().Be(RcmlCommandLine.UsageError);
    }

    private void Write(string name, string xml)
    {
        var path = Path.Combine(_folder.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, xml);
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(TerminalCallSettings settings, CancellationToken ct, string input = "")
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await TerminalCall.RunAsync(settings, new StringReader(input), output, errors, ct);
        return (exit, output.ToString(), errors.ToString());
    }
}
