using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Calls.Admission;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Calls.Admission;

[TestFixture]
public sealed class CallAdmissionTests
{
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp() => _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 20, 0, 0, TimeSpan.Zero));

    [Test]
    public void TryAdmit_PastMaxConcurrentCalls_RefusesUntilACallEnds()
    {
        using var admission = Create(new CallAdmissionOptions { MaxConcurrentCalls = 2, MaxCallsPerSecond = 0 });
        var first = admission.TryAdmit(out _);
        var second = admission.TryAdmit(out _);

        admission.TryAdmit(out var refusal).Should().BeNull();
        refusal.Should().Be(AdmissionRefusal.TooManyCalls);
        admission.InProgress.Should().Be(2);

        first!.Dispose();
        first.Dispose();
        admission.InProgress.Should().Be(1, "a ticket is released once");
        admission.TryAdmit(out refusal).Should().NotBeNull();
        refusal.Should().Be(AdmissionRefusal.None);
        second.Should().NotBeNull();
    }

    [Test]
    public void TryAdmit_BurstOverMaxCallsPerSecond_RefusesThenRefillsWithTime()
    {
        using var admission = Create(new CallAdmissionOptions { MaxConcurrentCalls = 0, MaxCallsPerSecond = 10 });
        var admitted = Enumerable.Range(0, 15).Count(i => admission.TryAdmit(out _) is not null);

        admitted.Should().Be(10, "the bucket holds one second's worth");
        admission.TryAdmit(out var refusal).Should().BeNull();
        refusal.Should().Be(AdmissionRefusal.TooFast);

        _time.Advance(TimeSpan.FromMilliseconds(300));
        Enumerable.Range(0, 5).Count(i => admission.TryAdmit(out _) is not null).Should().Be(3, "10 per second refill 3 in 300 ms");
    }

    [Test]
    public void ObserveSchedulingDelay_OverTheLimitThenUnderHalf_RefusesWithHysteresis()
    {
        using var admission = Create(new CallAdmissionOptions { MaxSchedulingDelay = TimeSpan.FromSeconds(1), MaxCallsPerSecond = 0 });

        admission.ObserveSchedulingDelay(TimeSpan.FromMilliseconds(1200));
        admission.TryAdmit(out var refusal).Should().BeNull();
        refusal.Should().Be(AdmissionRefusal.Pressure);

        admission.ObserveSchedulingDelay(TimeSpan.FromMilliseconds(700));
        admission.TryAdmit(out refusal).Should().BeNull("700 ms is under the limit but not under half of it");

        admission.ObserveSchedulingDelay(TimeSpan.FromMilliseconds(400));
        admission.TryAdmit(out refusal).Should().NotBeNull();
    }

    [Test]
    public void ObserveSchedulingDelay_GuardDisabled_NeverRefuses()
    {
        using var admission = Create(new CallAdmissionOptions { MaxSchedulingDelay = TimeSpan.Zero, MaxCallsPerSecond = 0 });

        admission.ObserveSchedulingDelay(TimeSpan.FromSeconds(30));

        admission.TryAdmit(out _).Should().NotBeNull();
    }

    [Test]
    public void Probe_FakeClockTicksOnTime_MeasuresNoDelay()
    {
        using var admission = Create(new CallAdmissionOptions { MaxSchedulingDelay = TimeSpan.FromMilliseconds(100), MaxCallsPerSecond = 0 });

        for (var i = 0; i < 10; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
        }

        admission.TryAdmit(out var refusal).Should().NotBeNull();
        refusal.Should().Be(AdmissionRefusal.None);
    }

    [Test]
    public void Probe_TickRunsLate_RefusesForPressure()
    {
        using var admission = Create(new CallAdmissionOptions { MaxSchedulingDelay = TimeSpan.FromMilliseconds(100), MaxCallsPerSecond = 0 });

        // One jump of a second: the 250 ms probe runs 750 ms after it was due.
        _time.Advance(TimeSpan.FromSeconds(1));

        admission.TryAdmit(out var refusal).Should().BeNull();
        refusal.Should().Be(AdmissionRefusal.Pressure);
    }

    [Test]
    public async Task BeginDrain_CallsInProgress_RefusesNewOnesAndIdlesWhenTheLastEnds()
    {
        using var admission = Create(new CallAdmissionOptions());
        var running = admission.TryAdmit(out _);

        admission.BeginDrain();
        admission.TryAdmit(out var refusal).Should().BeNull();
        refusal.Should().Be(AdmissionRefusal.Draining);
        var idle = admission.WhenIdleAsync(CancellationToken.None);
        idle.IsCompleted.Should().BeFalse();

        running!.Dispose();
        await idle.WaitAsync(TimeSpan.FromSeconds(5));
        admission.IsDraining.Should().BeTrue();
    }

    [Test]
    public void TryEnter_Refused_GivesReasonAndRetryAfter()
    {
        using var admission = Create(new CallAdmissionOptions { MaxConcurrentCalls = 1 });
        admission.TryEnter(out _, out _).Should().NotBeNull();

        admission.TryEnter(out var reason, out var retryAfter).Should().BeNull();

        reason.Should().Be("too many calls in progress");
        retryAfter.Should().BePositive();
        admission.ShedCount.Should().Be(1);
    }

    [Test]
    public void TryAdmit_RefusalsThenQuiet_LogsOneStartAndOneStopWithTheCount()
    {
        using var logs = new CollectingLoggerProvider();
        using var admission = new CallAdmission(
            new CallAdmissionOptions { MaxConcurrentCalls = 1, MaxSchedulingDelay = TimeSpan.Zero }, _time, logs.CreateLogger<CallAdmission>());
        var held = admission.TryAdmit(out _);
        for (var i = 0; i < 50; i++)
        {
            admission.TryAdmit(out _);
        }

        held!.Dispose();
        _time.Advance(TimeSpan.FromSeconds(3));

        logs.Messages.Should().HaveCount(2, string.Join('\n', logs.Messages));
        logs.Messages[0].Should().Contain("too many calls in progress");
        logs.Messages[1].Should().Contain("50 new calls refused");
    }

    [Test]
    public void Metrics_RefusalsAndCallsInProgress_AreMeasured()
    {
        var shed = new List<(long Value, string? Reason)>();
        var inProgress = new List<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "RcmlEngine.Calls")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => shed.Add((value, tags.ToArray().FirstOrDefault(t => t.Key == "reason").Value as string)));
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => inProgress.Add(value));
        listener.Start();
        using var admission = Create(new CallAdmissionOptions { MaxConcurrentCalls = 1 });

        var held = admission.TryAdmit(out _);
        admission.TryAdmit(out _);
        listener.RecordObservableInstruments();

        shed.Should().Equal((1L, "TooManyCalls"));
        inProgress.Should().Contain(1);
        held.Should().NotBeNull();
    }

    private CallAdmission Create(CallAdmissionOptions options) => new(options, _time, NullLogger<CallAdmission>.Instance);
}
