using RcmlEngine.Calls.Virtual;
using RcmlEngine.Execution;
using RcmlEngine.Tests.Support;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Debugger;

namespace RcmlEngine.Tests.Execution;

[TestFixture]
public sealed class GatherExecutorTests
{
    private const string Done = "<Response><Hangup/></Response>";

    [Test]
    [CancelAfter(5_000)]
    public async Task Gather_NumDigits_PostsTheDigitsToTheAction(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/menu", Done);

        var (_, phone) = await harness.RunDocumentAsync(
            "<Response><Gather numDigits=\"3\" action=\"/menu\"><Say>enter your code</Say></Gather></Response>", ct, new ScriptedCaller(["1234"]));

        var action = harness.App.RequestsTo("/menu").Should().ContainSingle().Subject;
        action.Method.Should().Be(WebhookMethod.Post);
        action.Parameter("Digits").Should().Be("123");
        action.Parameter("FinishedOnKey").Should().BeEmpty();
        action.Parameter("CallSid").Should().Be(phone.Info.CallSid);
        action.Parameter("CallStatus").Should().Be("in-progress");
        action.AuthToken.Should().Be(InterpreterHarness.AuthToken);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Gather_FinishOnKey_EndsInputAndIsReported(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/menu", Done);

        await harness.RunDocumentAsync("<Response><Gather action=\"/menu\" method=\"GET\" finishOnKey=\"*\"/></Response>", ct, new ScriptedCaller(["42*9"]));

        var action = harness.App.RequestsTo("/menu").Single();
        action.Method.Should().Be(WebhookMethod.Get);
        action.Parameter("Digits").Should().Be("42");
        action.Parameter("FinishedOnKey").Should().Be("*");
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Gather_EmptyFinishOnKey_HashIsCollectedUntilTheTimeout(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", "<Response><Gather action=\"/menu\" finishOnKey=\"\" timeout=\"3\"/></Response>").Map("/menu", Done);
        using var phone = harness.NewPhone(new ScriptedCaller(["1#2"]), VirtualPhoneOptions.Instant);

        var run = harness.RunAsync(phone, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.KeyPressed, ct, 3);
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        await run;

        harness.App.RequestsTo("/menu").Single().Parameter("Digits").Should().Be("1#2");
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Gather_NoInput_NextVerbRunsWithoutAnyRequest(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", "<Response><Gather action=\"/menu\" timeout=\"2\"><Say>choose</Say></Gather><Say>no input</Say></Response>");
        using var phone = harness.NewPhone(ScriptedCaller.Silent, VirtualPhoneOptions.Instant);

        var run = harness.RunAsync(phone, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Listening, ct);
        harness.Time.Advance(TimeSpan.FromSeconds(1.9));
        phone.Heard.Should().Equal("Say (man, en): choose");
        harness.Time.Advance(TimeSpan.FromSeconds(0.1));
        await run;

        phone.Heard.Should().Equal("Say (man, en): choose", "Say (man, en): no input");
        harness.App.RequestsTo("/menu").Should().BeEmpty();
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Gather_ActionOnEmptyResult_PostsEmptyDigits(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", "<Response><Gather action=\"/menu\" timeout=\"2\" actionOnEmptyResult=\"true\"/><Say>skipped</Say></Response>").Map("/menu", Done);
        using var phone = harness.NewPhone(ScriptedCaller.Silent, VirtualPhoneOptions.Instant);

        var run = harness.RunAsync(phone, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Listening, ct);
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        await run;

        harness.App.RequestsTo("/menu").Single().Parameter("Digits").Should().BeEmpty();
        phone.Heard.Should().BeEmpty();
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Gather_WithoutAction_PostsBackToTheCurrentDocument(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", "<Response><Redirect>/ivr/menu.xml?step=1</Redirect></Response>")
            .Map("/ivr/menu.xml", "<Response><Gather numDigits=\"1\"/></Response>");
        using var phone = harness.NewPhone(new ScriptedCaller(["7", string.Empty]), VirtualPhoneOptions.Instant);

        var run = harness.RunAsync(phone, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Listening, ct, 2);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await run;

        var requests = harness.App.RequestsTo("/ivr/menu.xml");
        requests.Should().HaveCount(2);
        requests[1].Url.Should().Be(FakeDocumentFetcher.Url("/ivr/menu.xml?step=1"));
        requests[1].Parameter("Digits").Should().Be("7");
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Gather_NestedPrompts_StopAtTheFirstDigitWhichCounts(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", """
            <Response>
              <Gather numDigits="2" action="/menu">
                <Say>welcome to the long menu of this company</Say>
                <Pause length="2"/>
                <Play>menu.wav</Play>
              </Gather>
            </Response>
            """).Map("/menu", Done);
        using var phone = harness.NewPhone(new ScriptedCaller(["WW5W6"]));

        var run = harness.RunAsync(phone, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Listening, ct);
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        await phone.WaitForAsync(VirtualPhoneEventKind.Interrupted, ct);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await run;

        phone.Heard.Should().Equal("Say (man, en): welcome to the long menu of this company");
        phone.Events.Should().Contain(e => e.Kind == VirtualPhoneEventKind.Interrupted && e.Key == '5' && e.At == TimeSpan.FromSeconds(2));
        harness.App.RequestsTo("/menu").Single().Parameter("Digits").Should().Be("56");
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Gather_SpeechInputOnCallThatCannotListen_WarnsThenCollectsDigits(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/menu", Done);

        await harness.RunDocumentAsync("<Response><Gather input=\"speech dtmf\" numDigits=\"1\" action=\"/menu\"/></Response>", ct, new ScriptedCaller(["3"]));

        var warning = harness.Debugger.Notifications.Should().ContainSingle().Subject;
        warning.ErrorCode.Should().Be((int)ExecutionErrorCode.SpeechNotRecognized);
        warning.Level.Should().Be(DebuggerLevel.Warning);
        harness.App.RequestsTo("/menu").Single().Parameter("Digits").Should().Be("3");
    }
}
