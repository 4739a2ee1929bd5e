using RcmlEngine.Calls;
using RcmlEngine.Calls.Virtual;
using RcmlEngine.Execution;
using RcmlEngine.Tests.Support;
using RcmlEngine.Webhooks;

namespace RcmlEngine.Tests.Execution;

[TestFixture]
public sealed class DocumentFailureTests
{
    private static CallApplication WithFallback => InterpreterHarness.Application() with { VoiceFallbackUrl = FakeDocumentFetcher.Url("/fallback.xml") };

    [Test]
    [CancelAfter(5_000)]
    public async Task VoiceUrlFails_FallbackRunsWithErrorCodeAndUrl(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Fail("/voice.xml", WebhookErrorCode.HttpRetrievalFailure, 500, "boom")
            .Map("/fallback.xml", "<Response><Say>fallback</Say></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        var result = await harness.RunAsync(phone, ct, WithFallback);

        phone.Heard.Should().Equal("Say (man, en): fallback");
        var fallback = harness.App.RequestsTo("/fallback.xml").Single();
        fallback.Parameter("ErrorCode").Should().Be("11200");
        fallback.Parameter("ErrorUrl").Should().Be(FakeDocumentFetcher.Url("/voice.xml").OriginalString);
        var error = harness.Debugger.Notifications.Single();
        error.ErrorCode.Should().Be(11200);
        error.ResponseStatusCode.Should().Be(500);
        error.ResponseBody.Should().Be("boom");
        result.Errors.Should().Be(1);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task InvalidRcml_ReportedAs12100WithItsPosition_ThenFallback(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", "<Response>\n<Say>unclosed</Response>").Map("/fallback.xml", "<Response><Say>fallback</Say></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.RunAsync(phone, ct, WithFallback);

        phone.Heard.Should().Equal("Say (man, en): fallback");
        var error = harness.Debugger.Notifications.Single();
        error.ErrorCode.Should().Be((int)ExecutionErrorCode.DocumentParseFailure);
        error.MoreInfo!["line"].Should().Be("2");
        error.ResponseBody.Should().Contain("unclosed");
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task ApplicationAndFallbackFail_CallerHearsTheApologyAndTheCallEnds(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(options => options.ApologyText = "Sorry, goodbye.");
        harness.App.Fail("/voice.xml", WebhookErrorCode.HttpConnectionFailure).Fail("/fallback.xml", WebhookErrorCode.InvalidContentType);
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        var result = await harness.RunAsync(phone, ct, WithFallback);

        phone.Heard.Should().Equal("Say (woman, en): Sorry, goodbye.");
        result.Status.Should().Be(CallStatus.Completed);
        result.EndReason.Should().Be(CallEndReason.EngineHungUp);
        harness.Debugger.Codes.Should().Equal(11205, 12300);
        harness.Debugger.Notifications.Should().AllSatisfy(n => n.CallSid.Should().Be(phone.Info.CallSid));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task NoFallback_ApologyAfterTheFirstFailure(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        var result = await harness.RunAsync(phone, ct);

        harness.App.Requests.Should().ContainSingle();
        phone.Heard.Should().ContainSingle().Which.Should().Contain("Sorry");
        result.Errors.Should().Be(1);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task ActionFails_FallbackIsUsedThereToo(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", "<Response><Gather numDigits=\"1\" action=\"/menu\"/></Response>")
            .Fail("/menu", WebhookErrorCode.HttpRetrievalFailure, 404)
            .Map("/fallback.xml", "<Response><Say>fallback</Say></Response>");
        using var phone = harness.NewPhone(new ScriptedCaller(["1"]), VirtualPhoneOptions.Instant);

        await harness.RunAsync(phone, ct, WithFallback);

        harness.App.RequestsTo("/fallback.xml").Single().Parameter("ErrorUrl").Should().Be(FakeDocumentFetcher.Url("/menu").OriginalString);
        phone.Heard.Should().Equal("Say (man, en): fallback");
    }
}
