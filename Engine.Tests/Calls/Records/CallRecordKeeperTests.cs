using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Records;
using RcmlEngine.Calls.Virtual;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Calls.Records;

[TestFixture]
public sealed class CallRecordKeeperTests
{
    private const string Account = "AC11111111111111111111111111111111";

    private FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp() => _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));

    [Test]
    [CancelAfter(10_000)]
    public async Task Track_InboundCallThroughItsLife_EveryTransitionIsWrittenThenTheDuration(CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory();
        await using var database = new SqliteRecordsDatabase(folder.File("records.db"), NullLogger<SqliteRecordsDatabase>.Instance);
        var store = new SqliteCallRecordStore(database, NullLogger<SqliteCallRecordStore>.Instance);
        await using var keeper = new CallRecordKeeper(store, NullLogger<CallRecordKeeper>.Instance);
        using var phone = new VirtualPhone(Info(), _time);
        var seen = new List<CallRecord?>();

        using (keeper.Track(phone))
        {
            seen.Add(await FlushedAsync());
            _time.Advance(TimeSpan.FromSeconds(1));
            phone.Lifecycle.MarkRinging();
            seen.Add(await FlushedAsync());
            _time.Advance(TimeSpan.FromSeconds(2));
            phone.Lifecycle.MarkAnswered();
            seen.Add(await FlushedAsync());
            _time.Advance(TimeSpan.FromSeconds(7.5));
            phone.Lifecycle.MarkEnded(CallEndReason.CallerHungUp);
        }

        seen.Add(await FlushedAsync());

        seen.Select(r => r?.Status).Should().Equal(CallStatus.Initiated, CallStatus.Ringing, CallStatus.InProgress, CallStatus.Completed);
        seen.Take(3).Should().OnlyContain(r => r!.Duration == null && r.EndTime == null, "a live call has no duration yet");
        var final = seen[^1]!;
        final.Duration.Should().Be(8, "7.5 s of talk, rounded up");
        final.StartTime.Should().Be(phone.Lifecycle.StartTime);
        final.AnswerTime.Should().Be(phone.Lifecycle.StartTime.AddSeconds(3));
        final.EndTime.Should().Be(phone.Lifecycle.StartTime.AddSeconds(10.5));
        final.DateCreated.Should().Be(phone.Lifecycle.StartTime);
        final.DateUpdated.Should().Be(final.EndTime);
        final.Direction.Should().Be(CallDirection.Inbound);
        final.CallerName.Should().Be("Alice");
        keeper.Live(phone.Info.CallSid).Should().BeNull("the ended call is written and no longer tracked");

        async Task<CallRecord?> FlushedAsync()
        {
            await keeper.FlushAsync(cancellationToken);
            return await store.FindAsync(Account, phone.Info.CallSid, cancellationToken);
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Track_OutboundDialLegQueuedThenBusy_WrittenWithParentAndNoDuration(CancellationToken cancellationToken)
    {
        var store = new FakeCallRecordStore();
        await using var keeper = new CallRecordKeeper(store, NullLogger<CallRecordKeeper>.Instance);
        var parent = TwilioSid.NewCallSid();
        using var leg = FakeCall.Of(Account, _time, CallDirection.OutboundDial, CallStatus.Queued, parent);

        using (keeper.Track(leg))
        {
            await keeper.FlushAsync(cancellationToken);
            store.Records[leg.Info.CallSid].Status.Should().Be(CallStatus.Queued);
            leg.Lifecycle.MarkEnded(CallEndReason.RejectedBusy);
        }

        await keeper.FlushAsync(cancellationToken);
        var record = store.Records[leg.Info.CallSid];
        record.Status.Should().Be(CallStatus.Busy);
        record.Direction.Should().Be(CallDirection.OutboundDial);
        record.ParentCallSid.Should().Be(parent);
        record.Duration.Should().Be(0);
        record.AnswerTime.Should().BeNull();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Live_WriteHeldUp_ReturnsTheLatestSnapshotUntilWritten(CancellationToken cancellationToken)
    {
        var gate = new TestGate();
        var store = new FakeCallRecordStore { BeforeSave = _ => gate.WaitAsync(CancellationToken.None) };
        await using var keeper = new CallRecordKeeper(store, NullLogger<CallRecordKeeper>.Instance);
        using var call = FakeCall.Of(Account, _time);

        var tracking = keeper.Track(call);
        call.Lifecycle.MarkAnswered();
        _time.Advance(TimeSpan.FromSeconds(4));
        call.Lifecycle.MarkEnded(CallEndReason.EngineHungUp);
        tracking.Dispose();

        keeper.Live(call.Info.CallSid)!.Status.Should().Be(CallStatus.Completed, "the store has not been written yet");
        store.Records.Should().BeEmpty();
        gate.Release();
        await keeper.FlushAsync(cancellationToken);
        store.Records[call.Info.CallSid].Duration.Should().Be(4);
        keeper.Live(call.Info.CallSid).Should().BeNull();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FindAsync_CallNotYetWritten_ReturnsItsLiveRecordInItsAccountOnly(CancellationToken cancellationToken)
    {
        var gate = new TestGate();
        var store = new FakeCallRecordStore { BeforeSave = _ => gate.WaitAsync(CancellationToken.None) };
        await using var keeper = new CallRecordKeeper(store, NullLogger<CallRecordKeeper>.Instance);
        using var call = FakeCall.Of(Account, _time);
        using var tracking = keeper.Track(call);

        var found = await keeper.FindAsync(Account, call.Info.CallSid, cancellationToken);
        var other = await keeper.FindAsync("AC22222222222222222222222222222222", call.Info.CallSid, cancellationToken);

        found!.Status.Should().Be(CallStatus.Initiated);
        store.Records.Should().BeEmpty("the write is held up");
        other.Should().BeNull();
        gate.Release();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Track_StoreThrows_KeeperLogsAndGoesOnWriting(CancellationToken cancellationToken)
    {
        var failures = 2;
        var store = new FakeCallRecordStore
        {
            BeforeSave = _ => Interlocked.Decrement(ref failures) >= 0 ? throw new IOException("disk full") : Task.CompletedTask,
        };
        await using var keeper = new CallRecordKeeper(store, NullLogger<CallRecordKeeper>.Instance);
        using var first = FakeCall.Of(Account, _time);
        using var second = FakeCall.Of(Account, _time);

        using (keeper.Track(first))
        {
            await keeper.FlushAsync(cancellationToken);
            using (keeper.Track(second))
            {
                await keeper.FlushAsync(cancellationToken);
                second.Lifecycle.MarkEnded(CallEndReason.Failed);
            }

            first.Lifecycle.MarkEnded(CallEndReason.CallerHungUp);
        }

        await keeper.FlushAsync(cancellationToken);

        store.Records[first.Info.CallSid].Status.Should().Be(CallStatus.Canceled);
        store.Records[second.Info.CallSid].Status.Should().Be(CallStatus.Failed);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Track_MoreCallsThanTheQueueHolds_EveryFinalStatusIsWritten(CancellationToken cancellationToken)
    {
        var gate = new TestGate();
        var store = new FakeCallRecordStore { BeforeSave = _ => gate.WaitAsync(CancellationToken.None) };
        await using var keeper = new CallRecordKeeper(store, NullLogger<CallRecordKeeper>.Instance);
        var calls = Enumerable.Range(0, CallRecordKeeper.Capacity + 50).Select(_ => FakeCall.Of(Account, _time)).ToList();

        foreach (var call in calls)
        {
            using (keeper.Track(call))
            {
                call.Lifecycle.MarkRinging();
                call.Lifecycle.MarkAnswered();
                call.Lifecycle.MarkEnded(CallEndReason.CallerHungUp);
            }
        }

        gate.Release();
        await keeper.FlushAsync(cancellationToken);

        store.Records.Should().HaveCount(calls.Count);
        store.Records.Values.Should().OnlyContain(r => r.Status == CallStatus.Completed);
        store.Saves.Should().BeLessThan(calls.Count * 2, "changes of one call are written together");
        calls.ForEach(c => c.Dispose());
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Track_SameCallTwice_WrittenAsOneUntilBothStop(CancellationToken cancellationToken)
    {
        var store = new FakeCallRecordStore();
        await using var keeper = new CallRecordKeeper(store, NullLogger<CallRecordKeeper>.Instance);
        using var call = FakeCall.Of(Account, _time);

        var first = keeper.Track(call);
        var second = keeper.Track(call);
        call.Lifecycle.MarkRinging();
        first.Dispose();
        await keeper.FlushAsync(cancellationToken);
        keeper.Live(call.Info.CallSid)!.Status.Should().Be(CallStatus.Ringing, "the second tracking still follows it");
        call.Lifecycle.MarkAnswered();
        await keeper.FlushAsync(cancellationToken);
        second.Dispose();

        store.Records[call.Info.CallSid].Status.Should().Be(CallStatus.InProgress);
        keeper.Live(call.Info.CallSid).Should().BeNull();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task DisposeAsync_WritesPending_FlushAfterwardsReturns(CancellationToken cancellationToken)
    {
        var gate = new TestGate();
        var store = new FakeCallRecordStore { BeforeSave = _ => gate.WaitAsync(CancellationToken.None) };
        var keeper = new CallRecordKeeper(store, NullLogger<CallRecordKeeper>.Instance);
        using var call = FakeCall.Of(Account, _time);
        using (keeper.Track(call))
        {
            call.Lifecycle.MarkEnded(CallEndReason.CallerHungUp);
        }

        gate.Release();
        await keeper.DisposeAsync();

        store.Records[call.Info.CallSid].Status.Should().Be(CallStatus.Canceled);
        await keeper.FlushAsync(cancellationToken);
    }

    private static CallInfo Info() => new()
    {
        CallSid = TwilioSid.NewCallSid(),
        AccountSid = Account,
        From = "+15550001",
        To = "+15550002",
        CallerName = "Alice",
    };
}
