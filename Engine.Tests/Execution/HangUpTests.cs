using RcmlEngine.Calls;
using RcmlEngine.Calls.Virtual;

namespace RcmlEngine.Tests.Execution;

/// <summary>The caller hanging up stops whatever runs, and nothing after it runs.</summary>
[TestFixture]
public sealed class HangUpTests
{
    [Test]
    [CancelAfter(5_000)]
    public async Task CallerHangsUp_DuringPlay_StopsIt(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", "<Response><Play>long.wav</Play><Say>after</Say></Response>");
        using var phone = harness.NewPhone();

        var run = harness.RunAsync(phone, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Heard, ct);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        phone.HangUpFromCaller();
        var result = await run;

        result.EndReason.Should().Be(CallEndReason.CallerHungUp);
        phone.Heard.Should().ContainSingle();
        phone.Lifecycle.DurationSeconds.Should().Be(1);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task CallerHangsUp_DuringGather_NoActionIsRequested(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", "<Response><Gather action=\"/menu\" timeout=\"30\"><Say>menu</Say></Gather><Say>after</Say></Response>");
        using var phone = harness.NewPhone(ScriptedCaller.Silent);

        var run = harness.RunAsync(phone, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Listening, ct);
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        phone.Press("4");
        phone.HangUpFromCaller();
        var result = await run;

        result.EndReason.Should().Be(CallEndReason.CallerHungUp);
        harness.App.RequestsTo("/menu").Should().BeEmpty();
        phone.Heard.Should().NotContain(h => h.Contains("after", StringComparison.Ordinal));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task CallerHangsUp_DuringAFetch_CancelsItAndTheCallIsCanceled(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        var fetching = harness.App.Hold("/voice.xml");
        using var phone = harness.NewPhone();

        var run = harness.RunAsync(phone, ct);
        await fetching.WaitAsync(ct);
        phone.HangUpFromCaller();
        var result = await run;

        result.Status.Should().Be(CallStatus.Canceled, "the caller gave up before the call was answered");
        phone.Lifecycle.IsAnswered.Should().BeFalse();
        harness.Debugger.Notifications.Should().BeEmpty("a hang-up is not an application error");
    }
}
