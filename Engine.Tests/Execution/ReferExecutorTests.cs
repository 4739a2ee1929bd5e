using RcmlEngine.Calls;
using RcmlEngine.Calls.Transfers;
using RcmlEngine.Calls.Virtual;
using RcmlEngine.Execution;
using RcmlEngine.Execution.Verbs;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Execution;

/// <summary><c>&lt;Refer&gt;</c> on the virtual phone, whose simulated transfer a test sets.</summary>
[TestFixture]
public sealed class ReferExecutorTests
{
    private const string Target = "sip:desk@pbx.example.com?X-Ticket=42&amp;User-to-User=abc%3Bencoding%3Dhex";

    [Test]
    [CancelAfter(5_000)]
    public async Task Refer_TargetAnswers_ActionRequestedAndCallHungUpWithoutRunningMore(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);
        ReferRequest? asked = null;
        phone.ReferOutcome = request =>
        {
            asked = request;
            return VirtualPhone.TransferAnswered;
        };
        harness.App.Map("/voice.xml", $"<Response><Refer action=\"/after.xml\"><Sip>{Target}</Sip></Refer><Say>next</Say></Response>")
            .Map("/after.xml", "<Response><Say>after</Say></Response>");

        var result = await harness.RunAsync(phone, ct);

        asked!.Target.Should().Be("sip:desk@pbx.example.com?X-Ticket=42&User-to-User=abc%3Bencoding%3Dhex");
        asked.NotifyTimeout.Should().Be(TimeSpan.FromSeconds(60));
        phone.Lifecycle.IsAnswered.Should().BeTrue("the call is answered before it is referred");
        result.EndReason.Should().Be(CallEndReason.EngineHungUp, "a transferred call has left the engine");
        phone.Heard.Should().BeEmpty("neither the next verb nor the action's document runs after a transfer");
        harness.App.RequestsTo("/after.xml").Should().BeEmpty("the action is a notification here, not a document to run");
        var action = harness.Callbacks.Others.Should().ContainSingle().Subject;
        action.Url.AbsolutePath.Should().Be("/after.xml");
        action.Parameter("ReferCallStatus").Should().Be("in-progress");
        action.Parameter("ReferSipResponseCode").Should().Be("202");
        action.Parameter("NotifySipResponseCode").Should().Be("200");
        action.Parameter("CallSid").Should().Be(phone.Info.CallSid);
        action.Parameter("From").Should().Be(phone.Info.From);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Refer_Refused405_ActionDocumentRunsWithFailed(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);
        phone.ReferOutcome = _ => new ReferResult(ReferCallStatus.Failed, 405, null);
        harness.App.Map("/voice.xml", $"<Response><Refer action=\"after.xml\" method=\"GET\"><Sip>{Target}</Sip></Refer><Say>next</Say></Response>")
            .Map("/after.xml", "<Response><Say>after</Say></Response>");

        await harness.RunAsync(phone, ct);

        phone.Heard.Should().Equal("Say (man, en): after");
        var action = harness.App.RequestsTo("/after.xml").Should().ContainSingle().Subject;
        action.Method.Should().Be(RcmlEngine.Webhooks.WebhookMethod.Get);
        action.Parameter("ReferCallStatus").Should().Be("failed");
        action.Parameter("ReferSipResponseCode").Should().Be("405");
        action.Parameter("NotifySipResponseCode").Should().BeNull("no NOTIFY came");
        harness.Callbacks.Others.Should().BeEmpty();
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Refer_TargetBusyWithoutAction_NextVerbRuns(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);
        phone.ReferOutcome = _ => new ReferResult(ReferCallStatus.Busy, 202, 486);
        harness.App.Map("/voice.xml", $"<Response><Refer><Sip>{Target}</Sip></Refer><Say>next</Say></Response>");

        var result = await harness.RunAsync(phone, ct);

        phone.Heard.Should().Equal("Say (man, en): next");
        phone.Events.Should().Contain(e => e.Kind == VirtualPhoneEventKind.Referred && e.Text.Contains("202, NOTIFY 486 (busy)"));
        harness.Callbacks.Others.Should().BeEmpty();
        harness.Debugger.Notifications.Should().BeEmpty();
        result.Errors.Should().Be(0);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Refer_CallerHangsUpDuringTheTransfer_ActionRequestedAsCanceled(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);
        phone.ReferOutcome = _ =>
        {
            phone.HangUpFromCaller();
            return new ReferResult(ReferCallStatus.Canceled, 202, 180);
        };
        harness.App.Map("/voice.xml", $"<Response><Refer action=\"/after.xml\"><Sip>{Target}</Sip></Refer><Say>next</Say></Response>");

        var result = await harness.RunAsync(phone, ct);

        result.EndReason.Should().Be(CallEndReason.CallerHungUp);
        var action = harness.Callbacks.Others.Should().ContainSingle().Subject;
        action.Parameter("ReferCallStatus").Should().Be("canceled");
        action.Parameter("NotifySipResponseCode").Should().Be("180");
        harness.App.RequestsTo("/after.xml").Should().BeEmpty();
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Refer_CallThatCannotRefer_Reports13801AndContinues(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        using var call = FakeCall.Of(harness.Account.AccountSid, harness.Time);
        var session = new CallSession(call, InterpreterHarness.Application(), harness.Account);
        var verb = new ReferVerb { Nouns = [new SipNoun { Uri = RcmlSipUri.TryParse("sip:desk@pbx.example.com", out var uri, out _) ? uri : null }] };

        var outcome = await harness.Get<ReferExecutor>().ExecuteAsync(verb, session, ct);

        outcome.Should().Be(VerbOutcome.Continue);
        harness.Debugger.Notifications.Should().ContainSingle().Which.ErrorCode.Should().Be((int)ExecutionErrorCode.ReferNotAllowed);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Refer_NotASipUri_Reports64009AndContinues(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);
        var session = new CallSession(phone, InterpreterHarness.Application(), harness.Account);
        var verb = new ReferVerb { Nouns = [new SipNoun { Uri = new RcmlSipUri { Text = "tel:+15551234567" } }] };

        var outcome = await harness.Get<ReferExecutor>().ExecuteAsync(verb, session, ct);

        outcome.Should().Be(VerbOutcome.Continue);
        var error = harness.Debugger.Notifications.Should().ContainSingle().Subject;
        error.ErrorCode.Should().Be((int)ExecutionErrorCode.DialTargetUnavailable);
        error.Message.Should().Contain("tel:+15551234567");
    }

    [TestCase(200, "in-progress")]
    [TestCase(202, "in-progress")]
    [TestCase(486, "busy")]
    [TestCase(600, "busy")]
    [TestCase(408, "no-answer")]
    [TestCase(480, "no-answer")]
    [TestCase(487, "no-answer")]
    [TestCase(404, "failed")]
    [TestCase(503, "failed")]
    [TestCase(603, "failed")]
    public void ParametersOf_FinalNotifyCode_MapsToTwiliosReferCallStatus(int code, string status)
    {
        var parameters = ReferExecutor.ParametersOf(new ReferResult(ReferResult.StatusOf(code), 202, code));

        parameters.Should().Equal(
            new KeyValuePair<string, string>("ReferCallStatus", status),
            new KeyValuePair<string, string>("ReferSipResponseCode", "202"),
            new KeyValuePair<string, string>("NotifySipResponseCode", code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
