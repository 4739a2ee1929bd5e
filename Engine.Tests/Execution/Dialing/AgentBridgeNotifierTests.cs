using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Virtual;
using RcmlEngine.Execution;
using RcmlEngine.Execution.Dialing;
using RcmlEngine.Notifications;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Execution.Dialing;

[TestFixture]
public sealed class AgentBridgeNotifierTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task DialClient_InboundCallerGatheredAReference_OneNotificationWithItAndTheClientName(CancellationToken ct)
    {
        var notifier = new RecordingInboundCallNotifier();
        using var harness = Harness(notifier, "Digits");
        harness.App.Map("/voice.xml", "<Response><Gather numDigits=\"4\" action=\"/agent\"><Say>your order number</Say></Gather></Response>")
            .Map("/agent", "<Response><Redirect>/connect</Redirect></Response>")
            .Map("/connect", "<Response><Dial><Client>alice</Client></Dial></Response>");
        using var phone = harness.NewPhone(new ScriptedCaller(["4711"]), VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        notifier.Notifications.Should().ContainSingle().Which.Should().BeEquivalentTo(new InboundCallNotification
        {
            Number = phone.Info.From,
            DialNumber = phone.Info.To,
            HoldTime = 0,
            CallRef = phone.Info.CallSid,
            ContactRef = "4711",
            Ref = "alice",
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task DialNumber_Answered_NoNotification(CancellationToken ct)
    {
        var notifier = new RecordingInboundCallNotifier();
        using var harness = Harness(notifier, "Digits");
        harness.App.Map("/voice.xml", "<Response><Dial><Number>+15551234567</Number></Dial></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        harness.Dialer.Calls.Should().ContainSingle();
        notifier.Notifications.Should().BeEmpty("only a Client (an agent) is notified");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task DialClient_ReferenceInTheDocumentQuery_UsedWhenNoGatherSentIt(CancellationToken ct)
    {
        var notifier = new RecordingInboundCallNotifier();
        using var harness = Harness(notifier, "ContactRef");
        harness.App.Map("/voice.xml", "<Response><Redirect>/connect?ContactRef=T%2D9</Redirect></Response>")
            .Map("/connect", "<Response><Dial><Client>bob</Client></Dial></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        notifier.Notifications.Should().ContainSingle().Which.ContactRef.Should().Be("T-9");
    }

    [Test]
    public void QueueBridged_InboundCaller_HoldTimeInWholeSecondsAndTheAgentsClientName()
    {
        var notifier = new RecordingInboundCallNotifier();
        var bridges = new AgentBridgeNotifier(Options.Create(new NotificationOptions()), notifier);
        var time = TimeProvider.System;
        using var caller = FakeCall.Of("AC1", time);
        using var agent = FakeCall.Of("AC1", time);
        var session = new CallSession(caller, InterpreterHarness.Application(), new CallAccount { AccountSid = "AC1", AuthToken = "t" });
        using var fromClient = new FakeCall(agent.Info with { From = "client:carol" }, time);

        bridges.QueueBridged(session, fromClient, TimeSpan.FromSeconds(75.9));

        var sent = notifier.Notifications.Should().ContainSingle().Subject;
        (sent.HoldTime, sent.Ref, sent.ContactRef, sent.CallRef).Should().Be((75, "carol", string.Empty, caller.Info.CallSid));
    }

    [Test]
    public void QueueBridged_AgentCalledByTheEngine_RefIsTheCalledClient()
    {
        var notifier = new RecordingInboundCallNotifier();
        var bridges = new AgentBridgeNotifier(Options.Create(new NotificationOptions()), notifier);
        var time = TimeProvider.System;
        using var caller = FakeCall.Of("AC1", time);
        using var agent = FakeCall.Of("AC1", time, CallDirection.OutboundApi);
        var session = new CallSession(caller, InterpreterHarness.Application(), new CallAccount { AccountSid = "AC1", AuthToken = "t" });
        using var toClient = new FakeCall(agent.Info with { From = "+15550009999", To = "client:dave" }, time);

        bridges.QueueBridged(session, toClient, TimeSpan.FromSeconds(2));

        notifier.Notifications.Should().ContainSingle().Which.Ref.Should().Be("dave", "the engine rang the agent's softphone; From is the API's number");
    }

    [Test]
    public void QueueBridged_OutboundCall_NoNotification()
    {
        var notifier = new RecordingInboundCallNotifier();
        var bridges = new AgentBridgeNotifier(Options.Create(new NotificationOptions()), notifier);
        using var caller = FakeCall.Of("AC1", TimeProvider.System, CallDirection.OutboundApi);

        bridges.QueueBridged(caller, "1001", TimeSpan.FromSeconds(3), string.Empty);

        notifier.Notifications.Should().BeEmpty();
    }

    private static InterpreterHarness Harness(RecordingInboundCallNotifier notifier, string contactRefParameter) =>
        new(withDialer: true, extraServices: services =>
        {
            services.AddSingleton<IInboundCallNotifier>(notifier);
            services.Configure<NotificationOptions>(options => options.ContactRefParameter = contactRefParameter);
        });
}
