using RcmlEngine.Calls;
using RcmlEngine.Calls.Virtual;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Execution;

[TestFixture]
public sealed class RecordExecutorTests
{
    private const string Done = "<Response><Hangup/></Response>";

    [Test]
    [CancelAfter(5_000)]
    public async Task Record_FinishKey_PostsTheRecordingToTheAction(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", "<Response><Say>leave a message</Say><Record action=\"/saved\" recordingStatusCallback=\"/recording-status\"/></Response>")
            .Map("/saved", Done);
        using var phone = harness.NewPhone(new ScriptedCaller(["WWW#"]), VirtualPhoneOptions.Instant);

        var run = harness.RunAsync(phone, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Listening, ct);
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        await run;

        phone.Heard.Should().Equal("Say (man, en): leave a message", "Beep");
        var action = harness.App.RequestsTo("/saved").Single();
        action.Parameter("RecordingDuration").Should().Be("3");
        action.Parameter("Digits").Should().Be("#");
        var sid = action.Parameter("RecordingSid");
        sid.Should().MatchRegex("^RE[0-9a-f]{32}$");
        action.Parameter("RecordingUrl").Should().Be($"http://engine.test/2010-04-01/Accounts/{harness.Account.AccountSid}/Recordings/{sid}");
        File.Exists(Path.Combine(harness.RecordingsFolder, harness.Account.AccountSid, sid + ".wav")).Should().BeTrue();
        var status = harness.Callbacks.Others.Should().ContainSingle().Subject;
        status.Url.Should().Be(FakeDocumentFetcher.Url("/recording-status"));
        status.Parameter("RecordingStatus").Should().Be("completed");
        status.Parameter("RecordingSid").Should().Be(sid);
        status.Parameter("RecordingDuration").Should().Be("3");
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Record_SilenceTimeout_EndsWithoutDigitsAndTrimmed(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", "<Response><Record timeout=\"2\" playBeep=\"false\"/></Response>");
        using var phone = harness.NewPhone(new ScriptedCaller(["WWWW", string.Empty]), VirtualPhoneOptions.Instant);
        harness.App.Map("/voice.xml", "<Response><Record timeout=\"2\" playBeep=\"false\" action=\"/saved\"/></Response>").Map("/saved", Done);

        var run = harness.RunAsync(phone, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Listening, ct);
        harness.Time.Advance(TimeSpan.FromSeconds(6));
        await run;

        phone.Heard.Should().BeEmpty();
        var action = harness.App.RequestsTo("/saved").Single();
        action.Parameter("RecordingDuration").Should().Be("4");
        action.Parameter("Digits").Should().BeNull();
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Record_NothingSaid_NextVerbRunsWithoutAction(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", """
            <Response>
              <Record timeout="2" action="/saved" recordingStatusCallback="/recording-status" recordingStatusCallbackEvent="completed absent"/>
              <Say>we did not get a message</Say>
            </Response>
            """);
        using var phone = harness.NewPhone(ScriptedCaller.Silent, VirtualPhoneOptions.Instant);

        var run = harness.RunAsync(phone, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Listening, ct);
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        await run;

        harness.App.RequestsTo("/saved").Should().BeEmpty();
        phone.Heard.Should().EndWith("Say (man, en): we did not get a message");
        harness.Callbacks.Others.Single().Parameter("RecordingStatus").Should().Be("absent");
        Directory.GetFiles(harness.RecordingsFolder, "*.wav", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Record_CallerHangsUp_ActionIsStillQueuedWithDigitsHangup(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", "<Response><Record action=\"/saved\" maxLength=\"60\"/></Response>").Map("/saved", Done);
        using var phone = harness.NewPhone(new ScriptedCaller(["WWWWWWWWWWWWWWWWWWWW"]), VirtualPhoneOptions.Instant);

        var run = harness.RunAsync(phone, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Listening, ct);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        phone.HangUpFromCaller();
        var result = await run;

        result.EndReason.Should().Be(CallEndReason.CallerHungUp);
        harness.App.RequestsTo("/saved").Should().BeEmpty("the call is over: its document would never run");
        var queued = harness.Callbacks.Others.Single();
        queued.Url.Should().Be(FakeDocumentFetcher.Url("/saved"));
        queued.Parameter("Digits").Should().Be("hangup");
        queued.Parameter("RecordingDuration").Should().Be("5");
        queued.Parameter("CallStatus").Should().Be("completed");
    }
}
