using RcmlEngine.Calls;
using RcmlEngine.Calls.Virtual;

namespace RcmlEngine.Tests.Execution;

/// <summary>
/// <c>&lt;Hangup&gt;</c>/<c>&lt;Reject&gt;</c> parameters reach the call as <c>X-</c> headers; <c>&lt;Sip&gt;</c> without a
/// scheme is dialed as <c>sip:</c>; <c>&lt;Pay&gt;</c> is refused with its reason. The SIP wire is proved in
/// <c>Integration/Calls/EndParameterSippTests</c>.
/// </summary>
[TestFixture]
public sealed class EndParameterTests
{
    [Test]
    [CancelAfter(5_000)]
    public async Task Hangup_WithParameters_EndsTheCallCarryingThemAsXHeaders(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();

        var (result, phone) = await harness.RunDocumentAsync(
            "<Response><Say>bye</Say><Hangup><Parameter name=\"reason\" value=\"done\"/><Parameter name=\"bad name\" value=\"x\"/></Hangup><Say>never</Say></Response>", ct);

        result.EndReason.Should().Be(CallEndReason.EngineHungUp);
        phone.Heard.Should().Equal("Say (man, en): bye");
        phone.Events.Should().ContainSingle(e => e.Kind == VirtualPhoneEventKind.HungUp)
            .Which.Text.Should().EndWith(" with X-reason: done");
        harness.Debugger.Notifications.Should().ContainSingle(n => n.Message.Contains("'bad name' is not sent", StringComparison.Ordinal));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Hangup_OnUnansweredCallWithParameters_AnswersThenHangsUp(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();

        var (result, phone) = await harness.RunDocumentAsync("<Response><Hangup><Parameter name=\"reason\" value=\"done\"/></Hangup></Response>", ct);

        result.Status.Should().Be(CallStatus.Completed);
        phone.Lifecycle.IsAnswered.Should().BeTrue();
        phone.Events.Single(e => e.Kind == VirtualPhoneEventKind.HungUp).Text.Should().Contain("X-reason: done");
    }

    [TestCase("busy", "486 Busy Here", nameof(CallStatus.Busy))]
    [TestCase("rejected", "603 Decline", nameof(CallStatus.NoAnswer))]
    [CancelAfter(5_000)]
    public async Task Reject_WithParameters_DeclinesCarryingThemAsXHeaders(string reason, string signal, string status, CancellationToken ct)
    {
        using var harness = new InterpreterHarness();

        var (result, phone) = await harness.RunDocumentAsync(
            $"<Response><Reject reason=\"{reason}\"><Parameter name=\"reason\" value=\"closed\"/></Reject></Response>", ct);

        result.Status.Should().Be(Enum.Parse<CallStatus>(status));
        phone.Lifecycle.IsAnswered.Should().BeFalse();
        phone.Events.Should().ContainSingle(e => e.Kind == VirtualPhoneEventKind.Rejected)
            .Which.Text.Should().Contain(signal).And.EndWith(" with X-reason: closed");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_SipWithoutScheme_DialsTheSipUri(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.App.Map("/voice.xml", "<Response><Dial><Sip>kate@127.0.0.1</Sip></Dial></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        harness.Dialer.Calls.Should().ContainSingle().Which.Request.Target.Should().Be("sip:kate@127.0.0.1");
        phone.Events.Should().Contain(e => e.Kind == VirtualPhoneEventKind.Bridged);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Pay_InADocument_IsNotRunAndTheErrorSaysWhy(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();

        var (_, phone) = await harness.RunDocumentAsync("<Response><Say>hi</Say><Pay/></Response>", ct);

        phone.Heard.Should().NotContain("Say (man, en): hi");
        var error = harness.Debugger.Notifications.Should().ContainSingle().Subject;
        error.ErrorCode.Should().Be(12100);
        error.Message.Should().Contain("<Pay> (Twilio payments) is not supported by RcmlEngine: ");
    }
}
