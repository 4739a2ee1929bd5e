using RcmlEngine.Calls;
using RcmlEngine.Calls.Virtual;
using RcmlEngine.Webhooks;

namespace RcmlEngine.Tests.Execution;

[TestFixture]
public sealed class ControlVerbTests
{
    [Test]
    [CancelAfter(5_000)]
    public async Task Redirect_RelativeUrl_ResolvesAgainstTheDocumentAndUsesItsMethod(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/ivr/start.xml", "<Response><Redirect method=\"GET\">next.xml</Redirect><Say>unreachable</Say></Response>")
            .Map("/ivr/next.xml", "<Response><Say>next</Say></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.RunAsync(phone, ct, InterpreterHarness.Application("/ivr/start.xml"));

        var next = harness.App.RequestsTo("/ivr/next.xml").Single();
        next.Method.Should().Be(WebhookMethod.Get);
        phone.Heard.Should().Equal("Say (man, en): next");
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Hangup_AnswersThenEndsAndLaterVerbsDoNotRun(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();

        var (result, phone) = await harness.RunDocumentAsync("<Response><Hangup/><Say>unreachable</Say></Response>", ct);

        result.Status.Should().Be(CallStatus.Completed);
        result.EndReason.Should().Be(CallEndReason.EngineHungUp);
        phone.Lifecycle.IsAnswered.Should().BeTrue();
        phone.Heard.Should().BeEmpty();
    }

    [TestCase("busy", nameof(CallStatus.Busy))]
    [TestCase("rejected", nameof(CallStatus.NoAnswer))]
    [CancelAfter(5_000)]
    public async Task Reject_BeforeAnswer_DeclinesWithoutAnswering(string reason, string status, CancellationToken ct)
    {
        using var harness = new InterpreterHarness();

        var (result, phone) = await harness.RunDocumentAsync($"<Response><Reject reason=\"{reason}\"/><Say>unreachable</Say></Response>", ct);

        result.Status.Should().Be(Enum.Parse<CallStatus>(status));
        phone.Lifecycle.IsAnswered.Should().BeFalse();
        phone.Heard.Should().BeEmpty();
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Reject_AfterAnswer_HangsUp(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();

        var (result, _) = await harness.RunDocumentAsync("<Response><Say>hi</Say><Reject reason=\"busy\"/></Response>", ct);

        result.Status.Should().Be(CallStatus.Completed);
        result.EndReason.Should().Be(CallEndReason.EngineHungUp);
    }
}
