using RcmlEngine.Calls.Virtual;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Tests.Support;
using RcmlEngine.Webhooks;

namespace RcmlEngine.Tests.Execution;

[TestFixture]
public sealed class StatusCallbackTests
{
    [Test]
    [CancelAfter(5_000)]
    public async Task AllEvents_EnqueuedInLifecycleOrder_CompletedCarriesTheDuration(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", "<Response><Pause length=\"4\"/></Response>");
        var application = InterpreterHarness.Application() with
        {
            StatusCallback = FakeDocumentFetcher.Url("/status"),
            StatusCallbackMethod = RcmlHttpMethod.Get,
            StatusCallbackEvent = CallProgressEvents.Initiated | CallProgressEvents.Ringing | CallProgressEvents.Answered | CallProgressEvents.Completed,
        };
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        var run = harness.RunAsync(phone, ct, application);
        await phone.WaitForAsync(VirtualPhoneEventKind.Heard, ct);
        harness.Time.Advance(TimeSpan.FromSeconds(4));
        await run;

        var callbacks = harness.Callbacks.Status;
        callbacks.Select(c => c.Parameter("CallStatus")).Should().Equal("initiated", "ringing", "in-progress", "completed");
        callbacks.Should().AllSatisfy(c =>
        {
            c.Method.Should().Be(WebhookMethod.Get);
            c.Parameter("CallSid").Should().Be(phone.Info.CallSid);
        });
        callbacks[^1].Parameter("CallDuration").Should().Be("4");
        callbacks[0].Parameter("CallDuration").Should().BeNull();
        harness.Callbacks.Completed.Should().Equal(phone.Info.CallSid);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task DefaultEvents_OnlyCompleted(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", "<Response><Reject reason=\"busy\"/></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.RunAsync(phone, ct, InterpreterHarness.Application() with { StatusCallback = FakeDocumentFetcher.Url("/status") });

        var completed = harness.Callbacks.Status.Should().ContainSingle().Subject;
        completed.Parameter("CallStatus").Should().Be("busy");
        completed.Parameter("CallDuration").Should().Be("0");
    }
}
