using RcmlEngine.Calls;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Calls.Virtual;
using RcmlEngine.Execution;
using RcmlEngine.Tests.Support;
using RcmlEngine.Webhooks;

namespace RcmlEngine.Tests.Execution;

[TestFixture]
public sealed class DialExecutorTests
{
    private const string Done = "<Response><Say>done</Say></Response>";

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_CalleeAnswersThenHangsUp_CallerHeardRingbackThenContinuesWithTheNextVerb(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.App.Map("/voice.xml", "<Response><Dial>+1 (555) 123-4567</Dial><Say>after</Say></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        var result = await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        phone.Heard.Should().Equal("Ringback (us)", "Say (man, en): after");
        phone.Events.Should().Contain(e => e.Kind == VirtualPhoneEventKind.Bridged);
        result.Status.Should().Be(CallStatus.Completed);
        var leg = harness.Dialer.Calls.Should().ContainSingle().Subject;
        leg.Request.Kind.Should().Be(DialTargetKind.Number);
        leg.Info.Direction.Should().Be(CallDirection.OutboundDial);
        leg.Info.ParentCallSid.Should().Be(phone.Info.CallSid);
        leg.Info.CallSid.Should().StartWith("CA").And.NotBe(phone.Info.CallSid);
        leg.Info.From.Should().Be(phone.Info.From);
        leg.Request.RingTimeout.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_SipAnswered_ActionCarriesStatusSidDurationAndSipFacts(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.CalleeFor = _ => new VirtualCallee { Headers = [new("X-Trace", "t-1"), new("Contact", "<sip:bob@x>")] };
        harness.App.Map("/voice.xml",
            "<Response><Dial action=\"/done\" method=\"GET\" callerId=\"+15550009999\"><Sip username=\"u\" password=\"p\">sip:bob@127.0.0.1?X-Customer=42</Sip></Dial></Response>")
            .Map("/done", Done);
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        var leg = harness.Dialer.Calls.Single();
        leg.Request.Target.Should().Be("sip:bob@127.0.0.1?X-Customer=42");
        leg.Request.CallerId.Should().Be("+15550009999");
        leg.Info.From.Should().Be("+15550009999");
        (leg.Request.Username, leg.Request.Password).Should().Be(("u", "p"));
        var action = harness.App.RequestsTo("/done").Should().ContainSingle().Subject;
        action.Method.Should().Be(WebhookMethod.Get);
        action.Parameter("CallSid").Should().Be(phone.Info.CallSid);
        action.Parameter("DialCallStatus").Should().Be("completed");
        action.Parameter("DialCallSid").Should().Be(leg.Info.CallSid);
        int.Parse(action.Parameter("DialCallDuration")!, System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(5, 6);
        action.Parameter("DialSipResponseCode").Should().Be("200");
        action.Parameter("DialSipHeader_X-Trace").Should().Be("t-1");
        action.Parameter("DialSipHeader_Contact").Should().BeNull();
        phone.Heard.Should().EndWith("Say (man, en): done");
    }

    [TestCase("Busy", "busy")]
    [TestCase("Failed", "failed")]
    [CancelAfter(10_000)]
    public async Task Dial_CalleeRefuses_ActionGetsItsStatus(string answer, string expected, CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.CalleeFor = _ => new VirtualCallee { Answer = Enum.Parse<DialStatus>(answer) };
        harness.App.Map("/voice.xml", "<Response><Dial action=\"/done\"><Number>+15551234567</Number></Dial></Response>").Map("/done", Done);
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        var action = harness.App.RequestsTo("/done").Single();
        action.Parameter("DialCallStatus").Should().Be(expected);
        action.Parameter("DialCallDuration").Should().Be("0");
        action.Parameter("DialSipResponseCode").Should().BeNull("only a Sip noun reports SIP facts");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_NobodyAnswersWithinTheTimeout_NoAnswerAndTheNextVerbRuns(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.CalleeFor = _ => new VirtualCallee { Answer = DialStatus.NoAnswer };
        harness.App.Map("/voice.xml", "<Response><Dial timeout=\"5\"><Sip>sip:bob@127.0.0.1</Sip></Dial><Say>nobody</Say></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        var leg = harness.Dialer.Calls.Single();
        leg.Request.RingTimeout.Should().Be(TimeSpan.FromSeconds(5));
        (await leg.Outcome).Status.Should().Be(DialStatus.NoAnswer);
        phone.Heard.Should().Equal("Ringback (us)", "Say (man, en): nobody");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_Parallel_SecondAnswersFirst_FirstIsCanceledAndTheActionReportsTheWinner(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.CalleeFor = r => r.Target == "alice" ? new VirtualCallee { RingFor = TimeSpan.FromSeconds(20) } : new VirtualCallee { RingFor = TimeSpan.FromSeconds(3) };
        harness.App.Map("/voice.xml", "<Response><Dial action=\"/done\"><Client>alice</Client><Number>+15551234567</Number></Dial></Response>").Map("/done", Done);
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        harness.Dialer.Calls.Should().HaveCount(2);
        var (alice, number) = (harness.Dialer.Calls[0], harness.Dialer.Calls[1]);
        (await alice.Outcome).Status.Should().Be(DialStatus.Canceled);
        alice.Lifecycle.EndReason.Should().Be(CallEndReason.Canceled);
        (await number.Outcome).Status.Should().Be(DialStatus.Answered);
        harness.App.RequestsTo("/done").Single().Parameter("DialCallSid").Should().Be(number.Info.CallSid);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_CallerHangsUpWhileRinging_LegCanceledAndActionQueuedAsCanceled(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.CalleeFor = _ => new VirtualCallee { RingFor = TimeSpan.FromSeconds(20) };
        harness.App.Map("/voice.xml", "<Response><Dial action=\"/done\">+15551234567</Dial></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        var run = harness.RunAsync(phone, ct);
        await phone.WaitForAsync(e => e.Kind == VirtualPhoneEventKind.Heard, ct);
        phone.HangUpFromCaller();
        await harness.FinishAsync(run, ct);

        var leg = harness.Dialer.Calls.Single();
        (await leg.Outcome).Status.Should().Be(DialStatus.Canceled);
        harness.App.RequestsTo("/done").Should().BeEmpty("the caller is gone: the action is queued, not fetched");
        var queued = harness.Callbacks.Others.Should().ContainSingle().Subject;
        queued.Url.Should().Be(FakeDocumentFetcher.Url("/done"));
        queued.Parameter("DialCallStatus").Should().Be("canceled");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_CallerHangsUpWhileBridged_CalleeIsHungUp(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.CalleeFor = _ => new VirtualCallee { TalkFor = null };
        harness.App.Map("/voice.xml", "<Response><Dial>+15551234567</Dial><Say>never</Say></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        var run = harness.RunAsync(phone, ct);
        await harness.AdvanceUntilAsync(() => phone.Events.Any(e => e.Kind == VirtualPhoneEventKind.Bridged), ct);
        phone.HangUpFromCaller();
        await harness.FinishAsync(run, ct);

        harness.Dialer.Calls.Single().Lifecycle.EndReason.Should().Be(CallEndReason.EngineHungUp);
        phone.Heard.Should().NotContain("Say (man, en): never");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_HangupOnStar_CallerPressesStar_CalleeHungUpAndCallerContinues(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.CalleeFor = _ => new VirtualCallee { TalkFor = null };
        harness.App.Map("/voice.xml", "<Response><Dial hangupOnStar=\"true\">+15551234567</Dial><Say>back</Say></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        var run = harness.RunAsync(phone, ct);
        await harness.AdvanceUntilAsync(() => phone.Events.Any(e => e.Kind == VirtualPhoneEventKind.Bridged), ct);
        phone.Press("1*");
        await harness.FinishAsync(run, ct);

        harness.Dialer.Calls.Single().Lifecycle.EndReason.Should().Be(CallEndReason.EngineHungUp);
        phone.Heard.Should().EndWith("Say (man, en): back");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_TimeLimit_BridgeEndsAtTheLimit(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.CalleeFor = _ => new VirtualCallee { TalkFor = null };
        harness.App.Map("/voice.xml", "<Response><Dial timeLimit=\"10\" action=\"/done\">+15551234567</Dial></Response>").Map("/done", Done);
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        var action = harness.App.RequestsTo("/done").Single();
        action.Parameter("DialCallStatus").Should().Be("completed");
        int.Parse(action.Parameter("DialCallDuration")!, System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(10, 11);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_AnswerOnBridge_CallerAnsweredOnlyWhenTheCalleeAnswers(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.CalleeFor = _ => new VirtualCallee { RingFor = TimeSpan.FromSeconds(4) };
        harness.App.Map("/voice.xml", "<Response><Dial answerOnBridge=\"true\" ringTone=\"uk\">+15551234567</Dial></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        var run = harness.RunAsync(phone, ct);
        await phone.WaitForAsync(e => e.Kind == VirtualPhoneEventKind.Heard, ct);
        phone.Lifecycle.IsAnswered.Should().BeFalse();
        await harness.FinishAsync(run, ct);

        phone.Heard.Should().Equal("Ringback (uk)");
        var early = phone.Events.First(e => e.Kind == VirtualPhoneEventKind.EarlyMedia).At;
        var answered = phone.Events.First(e => e.Kind == VirtualPhoneEventKind.Answered).At;
        (answered - early).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_UnknownClient_NoAnswerReportedAndTheNextVerbRuns(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.App.Map("/voice.xml", "<Response><Dial action=\"/done\"><Client>offline</Client></Dial></Response>").Map("/done", Done);
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        harness.Dialer.Calls.Should().BeEmpty();
        harness.App.RequestsTo("/done").Single().Parameter("DialCallStatus").Should().Be("no-answer");
        var error = harness.Debugger.Notifications.Should().ContainSingle().Subject;
        error.ErrorCode.Should().Be((int)ExecutionErrorCode.DialTargetUnavailable);
        error.Message.Should().StartWith("Dial could not call <Client>: ");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_SecondOfTwoPartiesUnavailable_TheErrorNamesThatParty(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.App.Map("/voice.xml", "<Response><Dial action=\"/done\" timeout=\"1\"><Sip>sip:bob@127.0.0.1</Sip><Client>offline</Client></Dial></Response>").Map("/done", Done);
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        harness.Debugger.Notifications.Should().ContainSingle().Which.Message.Should().StartWith("Dial could not call <Client> (party 2 of 2): ");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_ClientParameters_SentAsXHeadersOnTheLeg_AnInvalidNameSkipped(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.App.Map("/voice.xml", "<Response><Dial><Client><Identity>alice</Identity>"
            + "<Parameter name=\"Tenant\" value=\"acme\"/><Parameter name=\"bad name\" value=\"x\"/><Parameter name=\"Ticket\" value=\"42\"/>"
            + "</Client></Dial></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        var leg = harness.Dialer.Calls.Should().ContainSingle().Subject;
        leg.Request.Kind.Should().Be(DialTargetKind.Client);
        leg.Request.Headers.Select(h => $"{h.Key}: {h.Value}").Should().Equal("X-Tenant: acme", "X-Ticket: 42");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_WithoutADialer_ReportedAndSkipped(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();

        var (_, phone) = await harness.RunDocumentAsync("<Response><Dial>+15551234567</Dial><Say>next</Say></Response>", ct);

        phone.Heard.Should().Equal("Say (man, en): next");
        harness.Debugger.Notifications.Should().ContainSingle().Which.ErrorCode.Should().Be((int)ExecutionErrorCode.DialNotPossible);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_ConferenceAlone_HearsWaitMusicUntilTimeLimit_ThenActionAnswered(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.App.Map("/voice.xml", "<Response><Dial timeLimit=\"30\" action=\"/done\"><Conference>room</Conference></Dial></Response>").Map("/done", Done);
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        phone.Heard.Should().Contain("Hold music", "a lone participant waits for the room to start");
        var action = harness.App.RequestsTo("/done").Single();
        action.Parameter("DialCallStatus").Should().Be("answered");
        action.Parameter("ConferenceSid").Should().MatchRegex("^CF[0-9a-f]{32}$");
        harness.Debugger.Notifications.Should().BeEmpty();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_RecordFromAnswer_ActionCarriesTheRecording(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.App.Map("/voice.xml", "<Response><Dial record=\"record-from-answer-dual\" action=\"/done\">+15551234567</Dial></Response>").Map("/done", Done);
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        var action = harness.App.RequestsTo("/done").Single();
        action.Parameter("RecordingUrl").Should().StartWith("http://engine.test/");
        action.Parameter("RecordingSid").Should().StartWith("RE");
        action.Parameter("RecordingDuration").Should().BeOneOf("5", "6");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_ScreeningCalleePressesOne_Accepted_CalleeHeardThePromptAndIsBridged(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.CalleeFor = _ => new VirtualCallee { Keys = new ScriptedCaller(["1"]), Headers = [new("X-Agent", "7")] };
        harness.App.Map("/voice.xml", "<Response><Dial action=\"/done\"><Sip url=\"/screen\">sip:agent@127.0.0.1</Sip></Dial></Response>")
            .Map("/screen", "<Response><Gather numDigits=\"1\" action=\"/screened\"><Say>press one to accept</Say></Gather><Hangup/></Response>")
            .Map("/screened", "<Response/>")
            .Map("/done", Done);
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        var leg = harness.Dialer.Calls.Single();
        leg.Phone.Heard.Should().Equal("Say (man, en): press one to accept");
        var screen = harness.App.RequestsTo("/screen").Single();
        screen.Parameter("CallSid").Should().Be(leg.Info.CallSid);
        screen.Parameter("ParentCallSid").Should().Be(phone.Info.CallSid);
        screen.Parameter("Direction").Should().Be("outbound-dial");
        screen.Parameter("SipHeader_X-Agent").Should().Be("7");
        harness.App.RequestsTo("/screened").Single().Parameter("Digits").Should().Be("1");
        phone.Events.Should().Contain(e => e.Kind == VirtualPhoneEventKind.Bridged);
        phone.Heard.Should().StartWith("Ringback (us)");
        harness.App.RequestsTo("/done").Single().Parameter("DialCallStatus").Should().Be("completed");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_ScreeningHangsUp_Refused_CalleeHungUpAndCallerContinues(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.CalleeFor = _ => new VirtualCallee { TalkFor = null };
        harness.App.Map("/voice.xml", "<Response><Dial action=\"/done\"><Number url=\"/screen\">+15551234567</Number></Dial></Response>")
            .Map("/screen", "<Response><Say>a call</Say><Hangup/></Response>")
            .Map("/done", Done);
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        var leg = harness.Dialer.Calls.Single();
        leg.Lifecycle.IsEnded.Should().BeTrue();
        phone.Events.Should().NotContain(e => e.Kind == VirtualPhoneEventKind.Bridged);
        harness.App.RequestsTo("/done").Single().Parameter("DialCallStatus").Should().Be("no-answer");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_SendDigits_SentToTheCalleeOnceAnswered(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.App.Map("/voice.xml", "<Response><Dial><Number sendDigits=\"ww12#\">+15551234567</Number></Dial></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        harness.Dialer.Calls.Single().Phone.Heard.Should().Equal("DTMF (0.5 s) (0.5 s) 1 2 #");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_LegStatusCallbacks_EveryEventWithTheLegsFacts(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.App.Map("/voice.xml",
            "<Response><Dial><Sip statusCallback=\"/leg\" statusCallbackEvent=\"initiated, ringing answered,completed\" statusCallbackMethod=\"GET\">sip:bob@127.0.0.1</Sip></Dial></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);
        var leg = harness.Dialer.Calls.Single();
        await harness.AdvanceUntilAsync(() => harness.Callbacks.Completed.Contains(leg.Info.CallSid), ct);

        var events = harness.Callbacks.Status.Where(c => c.Parameter("CallSid") == leg.Info.CallSid).ToList();
        events.Select(c => c.Parameter("CallStatus")).Should().Equal("initiated", "ringing", "in-progress", "completed");
        events.Should().AllSatisfy(c =>
        {
            c.Url.Should().Be(FakeDocumentFetcher.Url("/leg"));
            c.Method.Should().Be(WebhookMethod.Get);
            c.Parameter("ParentCallSid").Should().Be(phone.Info.CallSid);
            c.Parameter("Direction").Should().Be("outbound-dial");
        });
        events.Select(c => c.Parameter("SipResponseCode")).Should().Equal(null, "180", "200", "200");
        int.Parse(events[^1].Parameter("CallDuration")!, System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(5, 6);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_EarlyMediaCalleeAnswersAndScreens_EarlyMediaRelayedThenTheScreenedCalleeBridged(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true);
        harness.CalleeFor = _ => new VirtualCallee { EarlyMedia = true, Keys = new ScriptedCaller(["1"]) };
        harness.App.Map("/voice.xml", "<Response><Dial><Number url=\"/screen\">+15551234567</Number></Dial></Response>")
            .Map("/screen", "<Response><Gather numDigits=\"1\" action=\"/screened\"><Say>press one</Say></Gather><Hangup/></Response>")
            .Map("/screened", "<Response/>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        var bridged = phone.Events.Where(e => e.Kind == VirtualPhoneEventKind.Bridged).ToList();
        bridged.Should().HaveCount(2, "the early media was relayed, then the screened callee was bridged");
        harness.Dialer.Calls.Single().Phone.Heard.Should().Equal("Say (man, en): press one");
        phone.Heard.Should().OnlyContain(h => h == "Ringback (us)", "the caller never hears the screening prompt");
    }
}
