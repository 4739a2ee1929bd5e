using System.Collections.Concurrent;
using RcmlEngine.Media.Streaming;
using RcmlEngine.Rtp;

namespace RcmlEngine.Tests.Media.Streaming;

/// <summary>The server's audio queue, driven by hand as the pacer would (one frame per read).</summary>
[TestFixture]
public sealed class LiveAudioQueueTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Pump_MarkAfterAudio_IsReportedOnlyOnceItsAudioLeftTheRing(CancellationToken cancellationToken)
    {
        var marks = new ConcurrentQueue<string>();
        using var queue = new LiveAudioQueue(marks.Enqueue);
        using var ring = new RtpOutboundAudio();
        using var pumping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = queue.PumpAsync(ring, pumping.Token);

        queue.Enqueue(Samples(800, 1000));
        queue.Mark("m");
        await WaitUntilAsync(() => ring.Buffered == 800, cancellationToken);
        var frame = new short[160];
        for (var i = 0; i < 4; i++)
        {
            ring.ReadFrame(frame);
        }

        await Task.Delay(50, cancellationToken);
        marks.Should().BeEmpty("a fifth of the audio is still waiting to be sent");
        ring.ReadFrame(frame);
        frame.Should().OnlyContain(s => s == 1000);
        await WaitUntilAsync(() => !marks.IsEmpty, cancellationToken);
        marks.Should().Equal("m");

        await pumping.CancelAsync();
        var stopped = async () => await pump;
        await stopped.Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Clear_DropsQueuedAndRingAudio_AndReportsPendingMarks(CancellationToken cancellationToken)
    {
        var marks = new ConcurrentQueue<string>();
        using var queue = new LiveAudioQueue(marks.Enqueue);
        using var ring = new RtpOutboundAudio();
        using var pumping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = queue.PumpAsync(ring, pumping.Token);
        queue.Enqueue(Samples(80_000, 500));
        queue.Mark("a");
        queue.Mark("b");
        await WaitUntilAsync(() => ring.Buffered > 0, cancellationToken);

        queue.Clear();

        marks.Should().Equal("a", "b");
        ring.Buffered.Should().Be(0);
        queue.Queued.Should().Be(0);
        var frame = new short[160];
        ring.ReadFrame(frame).Should().BeFalse("nothing is left to play");
        await pumping.CancelAsync();
        await FluentActions.Awaiting(() => pump).Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    public void Enqueue_BeyondTheLimit_DropsAndCounts()
    {
        using var queue = new LiveAudioQueue(_ => { }, maxSamples: 1600);

        queue.Enqueue(Samples(1000, 1)).Should().Be(1000);
        queue.Enqueue(Samples(1000, 1)).Should().Be(600);

        queue.DroppedSamples.Should().Be(400);
        queue.Queued.Should().Be(1600);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Discard_ReportsMarksAtOnce(CancellationToken cancellationToken)
    {
        var marks = new ConcurrentQueue<string>();
        using var queue = new LiveAudioQueue(marks.Enqueue);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var discard = queue.DiscardAsync(running.Token);

        queue.Enqueue(Samples(8000, 3));
        queue.Mark("x");

        await WaitUntilAsync(() => !marks.IsEmpty, cancellationToken);
        marks.Should().Equal("x");
        await running.CancelAsync();
        await FluentActions.Awaiting(() => discard).Should().ThrowAsync<OperationCanceledException>();
    }

    private static short[] Samples(int count, short value) => Enumerable.Repeat(value, count).ToArray();

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(5, cancellationToken);
        }
    }
}
