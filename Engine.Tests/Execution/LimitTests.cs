using RcmlEngine.Calls;
using RcmlEngine.Calls.Virtual;
using RcmlEngine.Execution;

namespace RcmlEngine.Tests.Execution;

[TestFixture]
public sealed class LimitTests
{
    [Test]
    [CancelAfter(5_000)]
    public async Task RedirectLoop_StopsAtMaxDocumentsPerCall(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(options => options.MaxDocumentsPerCall = 5);

        var (result, _) = await harness.RunDocumentAsync("<Response><Redirect>/voice.xml</Redirect></Response>", ct);

        harness.App.Requests.Should().HaveCount(5);
        result.Documents.Should().Be(5);
        result.Status.Should().Be(CallStatus.Completed);
        harness.Debugger.Codes.Should().Equal((int)ExecutionErrorCode.DocumentLimitReached);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task LongDocument_StopsAtMaxVerbsPerCall(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(options => options.MaxVerbsPerCall = 3);

        var (result, phone) = await harness.RunDocumentAsync(
            "<Response><Say>1</Say><Say>2</Say><Say>3</Say><Say>4</Say></Response>", ct);

        phone.Heard.Should().HaveCount(3);
        result.Verbs.Should().Be(3);
        harness.Debugger.Codes.Should().Equal((int)ExecutionErrorCode.VerbLimitReached);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task EndlessPlay_IsHungUpAtMaxCallDuration(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(options => options.MaxCallDuration = TimeSpan.FromSeconds(10));
        harness.App.Map("/voice.xml", "<Response><Play loop=\"0\">hold.wav</Play></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant with { AudioLength = TimeSpan.FromSeconds(4) });

        var run = harness.RunAsync(phone, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Heard, ct);
        for (var second = 0; second < 10; second++)
        {
            harness.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var result = await run;

        result.EndReason.Should().Be(CallEndReason.EngineHungUp);
        phone.Lifecycle.DurationSeconds.Should().Be(10);
        harness.Debugger.Codes.Should().Equal((int)ExecutionErrorCode.CallDurationLimitReached);
    }
}
