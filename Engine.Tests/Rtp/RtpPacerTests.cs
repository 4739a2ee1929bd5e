using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Rtp;

namespace RcmlEngine.Tests.Rtp;

[TestFixture]
public sealed class RtpPacerTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);

    [Test]
    public void RunDue_AnHourOfTicks_EveryDeadlineIsStartPlusNPeriods()
    {
        var time = new FakeTimeProvider();
        using var pacer = new RtpPacer(time, NullLogger<RtpPacer>.Instance, runThread: false);
        var streams = Enumerable.Range(0, 3).Select(_ => new RecordingStream(time)).ToArray();
        foreach (var stream in streams)
        {
            pacer.Register(stream, Period);
        }

        // Wake at irregular moments (as a real thread would), for one simulated hour.
        var random = new Random(7);
        var end = time.GetTimestamp() + (long)TimeSpan.FromHours(1).TotalSeconds * time.TimestampFrequency;
        while (time.GetTimestamp() < end)
        {
            var next = pacer.RunDue(time.GetTimestamp());
            var sleep = Math.Max(1, next - time.GetTimestamp() + random.Next(0, 3000));
            time.Advance(TimeSpan.FromTicks(sleep * TimeSpan.TicksPerSecond / time.TimestampFrequency));
        }

        var periodUnits = Period.Ticks * time.TimestampFrequency / TimeSpan.TicksPerSecond;
        foreach (var stream in streams)
        {
            stream.Ticks.Should().HaveCountGreaterThan(179_990);
            var start = stream.Ticks[0].Deadline;
            stream.Ticks.Select((t, n) => t.Deadline - start - (n * periodUnits)).Should().OnlyContain(d => d == 0, "no drift");
            stream.Ticks.Select((t, n) => t.Tick - n).Should().OnlyContain(d => d == 0);
            stream.Ticks.Max(t => t.Late).Should().BeLessThan(periodUnits / 4, "sent within the wake-up delay");
        }

        streams.Select(s => s.Ticks[0].Deadline).Should().OnlyHaveUniqueItems("streams registered together start at spread phases");
        pacer.SkippedTicks.Should().Be(0);
    }

    [Test]
    public void RunDue_StallOfTenPeriods_SkipsMissedTicksInsteadOfBursting()
    {
        var time = new FakeTimeProvider();
        using var pacer = new RtpPacer(time, NullLogger<RtpPacer>.Instance, runThread: false);
        var stream = new RecordingStream(time);
        pacer.Register(stream, Period);
        time.Advance(Period);
        pacer.RunDue(time.GetTimestamp());
        stream.Ticks.Should().NotBeEmpty();
        stream.Ticks.Clear();

        time.Advance(TimeSpan.FromMilliseconds(200));
        pacer.RunDue(time.GetTimestamp());

        stream.Ticks.Should().ContainSingle();
        stream.Missed.Should().BeGreaterThan(5);
        pacer.SkippedTicks.Should().Be(stream.Missed);
    }

    [Test]
    public void Register_DisposedRegistration_StopsTicking()
    {
        var time = new FakeTimeProvider();
        using var pacer = new RtpPacer(time, NullLogger<RtpPacer>.Instance, runThread: false);
        var stream = new RecordingStream(time);
        var registration = pacer.Register(stream, Period);
        pacer.StreamCount.Should().Be(1);

        registration.Dispose();
        time.Advance(TimeSpan.FromSeconds(1));
        pacer.RunDue(time.GetTimestamp());

        stream.Ticks.Should().BeEmpty();
        pacer.StreamCount.Should().Be(0);
    }

    [Test]
    public void RunDue_OneStreamThrows_OthersKeepTicking()
    {
        var time = new FakeTimeProvider();
        using var pacer = new RtpPacer(time, NullLogger<RtpPacer>.Instance, runThread: false);
        var good = new RecordingStream(time);
        pacer.Register(new ThrowingStream(), Period);
        pacer.Register(good, Period);

        for (var i = 0; i < 10; i++)
        {
            time.Advance(Period);
            pacer.RunDue(time.GetTimestamp());
        }

        good.Ticks.Should().HaveCountGreaterThanOrEqualTo(9);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Register_RealThread_TicksTheStream(CancellationToken cancellationToken)
    {
        using var pacer = new RtpPacer(TimeProvider.System, NullLogger<RtpPacer>.Instance, new RtpOptions());
        var stream = new CountingStream(5);
        using var registration = pacer.Register(stream, Period);

        await stream.Done.WaitAsync(cancellationToken);

        stream.Count.Should().BeGreaterThanOrEqualTo(5);
    }

    private sealed class RecordingStream(TimeProvider time) : IPacedStream
    {
        public List<(long Tick, long Deadline, long Late)> Ticks { get; } = [];

        public int Missed { get; private set; }

        public void OnTick(long tick, long deadline, int missedTicks)
        {
            Ticks.Add((tick, deadline, time.GetTimestamp() - deadline));
            Missed += missedTicks;
        }
    }

    private sealed class ThrowingStream : IPacedStream
    {
        public void OnTick(long tick, long deadline, int missedTicks) => throw new InvalidOperationException("broken stream");
    }

    private sealed class CountingStream(int target) : IPacedStream
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public Task Done => _done.Task;

        public int Count => Volatile.Read(ref _count);

        public void OnTick(long tick, long deadline, int missedTicks)
        {
            if (Interlocked.Increment(ref _count) >= target)
            {
                _done.TrySetResult();
            }
        }
    }
}
