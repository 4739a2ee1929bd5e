using RcmlEngine.Calls;
using RcmlEngine.Calls.Prompts;
using RcmlEngine.Calls.Virtual;

namespace RcmlEngine.Tests.Execution;

[TestFixture]
public sealed class MediaVerbTests
{
    [Test]
    [CancelAfter(5_000)]
    public async Task Say_VoiceLanguageLoop_HeardEachTimeThenTheCallEnds(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();

        var (result, phone) = await harness.RunDocumentAsync(
            "<Response><Say voice=\"woman\" language=\"fr-FR\" loop=\"2\">Bonjour</Say></Response>", ct);

        phone.Heard.Should().Equal("Say (woman, fr-FR): Bonjour", "Say (woman, fr-FR): Bonjour");
        result.Status.Should().Be(CallStatus.Completed);
        phone.Events.Select(e => e.Kind).Should().StartWith([VirtualPhoneEventKind.Ringing, VirtualPhoneEventKind.Answered])
            .And.EndWith(VirtualPhoneEventKind.HungUp);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Play_DigitsThenARelativeUrlLooped(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", "<Response><Play digits=\"1w2\"/><Play loop=\"2\">audio/hold.wav</Play></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        var run = harness.RunAsync(phone, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Heard, ct);
        harness.Time.Advance(TimeSpan.FromSeconds(0.5));
        await run;

        phone.Heard.Should().Equal("DTMF 1 (0.5 s) 2", "Play http://app.test/audio/hold.wav", "Play http://app.test/audio/hold.wav");
        phone.Events.Where(e => e.Kind == VirtualPhoneEventKind.Heard).Select(e => e.Prompt).OfType<AudioPrompt>()
            .Should().AllSatisfy(p => p.Url.IsAbsoluteUri.Should().BeTrue());
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Play_LoopZero_PlaysUntilTheCallerHangsUp(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", "<Response><Play loop=\"0\">hold.wav</Play><Say>never</Say></Response>");
        using var phone = harness.NewPhone();

        var run = harness.RunAsync(phone, ct);
        for (var round = 1; round <= 3; round++)
        {
            await phone.WaitForAsync(VirtualPhoneEventKind.Heard, ct, round);
            harness.Time.Advance(TimeSpan.FromSeconds(3));
        }

        await phone.WaitForAsync(VirtualPhoneEventKind.Heard, ct, 4);
        phone.HangUpFromCaller();
        var result = await run;

        result.EndReason.Should().Be(CallEndReason.CallerHungUp);
        result.Status.Should().Be(CallStatus.Completed);
        phone.Heard.Should().NotContain(h => h.Contains("never", StringComparison.Ordinal));
        phone.Lifecycle.DurationSeconds.Should().Be(9);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Pause_LastsItsLength(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        harness.App.Map("/voice.xml", "<Response><Pause length=\"3\"/><Say>after</Say></Response>");
        using var phone = harness.NewPhone();

        var run = harness.RunAsync(phone, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Heard, ct);
        harness.Time.Advance(TimeSpan.FromSeconds(2.9));
        phone.Heard.Should().Equal("Pause 3 s");
        harness.Time.Advance(TimeSpan.FromSeconds(0.1));
        var after = await phone.WaitForAsync(e => e.Text.Contains("after", StringComparison.Ordinal), ct);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await run;

        after.At.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task EmptyResponse_AnswersThenHangsUp(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();

        var (result, phone) = await harness.RunDocumentAsync("<Response/>", ct);

        result.Status.Should().Be(CallStatus.Completed);
        phone.Lifecycle.IsAnswered.Should().BeTrue("any document but a Reject answers the call, as Twilio's");
        result.EndReason.Should().Be(CallEndReason.EngineHungUp);
    }
}
