using RcmlEngine.Calls;
using RcmlEngine.Calls.Virtual;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Execution;

/// <summary>The interpreter and the executors keep call and recording records (the keeper and catalog the engine registers).</summary>
[TestFixture]
public sealed class RecordsTrackingTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task RunAsync_InboundCall_CompletedRecordWithItsDuration(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withRecords: true);
        harness.App.Map("/voice.xml", "<Response><Pause length=\"3\"/></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);
        await harness.Keeper!.FlushAsync(ct);

        var record = harness.CallRecords.Records[phone.Info.CallSid];
        record.Status.Should().Be(CallStatus.Completed);
        record.Direction.Should().Be(CallDirection.Inbound);
        record.Duration.Should().Be(3);
        record.AccountSid.Should().Be(harness.Account.AccountSid);
        harness.Keeper.Live(phone.Info.CallSid).Should().BeNull("the run ended and its record is written");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_AnsweredLeg_RecordedAsOutboundDialChildOfTheCaller(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true, withRecords: true);
        harness.App.Map("/voice.xml", "<Response><Dial>+15551234567</Dial></Response>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);
        await harness.Keeper!.FlushAsync(ct);

        var leg = harness.CallRecords.Records.Values.Should().ContainSingle(r => r.Sid != phone.Info.CallSid).Subject;
        leg.Direction.Should().Be(CallDirection.OutboundDial);
        leg.ParentCallSid.Should().Be(phone.Info.CallSid);
        leg.To.Should().Be("+15551234567");
        leg.Status.Should().Be(CallStatus.Completed);
        leg.Duration.Should().Be(5, "the default callee talks 5 s");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Record_CallerSpeaks_RecordingIsCatalogued(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withRecords: true);
        harness.App.Map("/voice.xml", "<Response><Record finishOnKey=\"#\" action=\"/saved\"/></Response>").Map("/saved", "<Response/>");
        using var phone = harness.NewPhone(new ScriptedCaller(["WWW#"]), VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        var saved = harness.App.RequestsTo("/saved").Single();
        var recording = harness.Catalog.Saved.Should().ContainSingle().Subject;
        recording.Sid.Should().Be(saved.Parameter("RecordingSid"));
        recording.CallSid.Should().Be(phone.Info.CallSid);
        recording.AccountSid.Should().Be(harness.Account.AccountSid);
        recording.Source.Should().Be(RecordingSources.RecordVerb);
        recording.Status.Should().Be("completed");
        recording.Channels.Should().Be(1);
        recording.Duration.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(saved.Parameter("RecordingDuration"));
        File.Exists(recording.FilePath).Should().BeTrue();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Record_NothingSaid_NoRecordingIsCatalogued(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withRecords: true);
        harness.App.Map("/voice.xml", "<Response><Record timeout=\"2\" action=\"/saved\"/></Response>");
        using var phone = harness.NewPhone(ScriptedCaller.Silent, VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        harness.Catalog.Saved.Should().BeEmpty();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dial_RecordDual_TwoChannelRecordingIsCatalogued(CancellationToken ct)
    {
        using var harness = new InterpreterHarness(withDialer: true, withRecords: true);
        harness.App.Map("/voice.xml", "<Response><Dial record=\"record-from-answer-dual\" action=\"/done\">+15551234567</Dial></Response>")
            .Map("/done", "<Response/>");
        using var phone = harness.NewPhone(options: VirtualPhoneOptions.Instant);

        await harness.FinishAsync(harness.RunAsync(phone, ct), ct);

        var done = harness.App.RequestsTo("/done").Single();
        var recording = harness.Catalog.Saved.Should().ContainSingle().Subject;
        recording.Sid.Should().Be(done.Parameter("RecordingSid"));
        recording.Source.Should().Be(RecordingSources.DialVerb);
        recording.Channels.Should().Be(2);
        recording.CallSid.Should().Be(phone.Info.CallSid);
        recording.StartTime.Should().BeBefore(recording.DateCreated);
    }
}
