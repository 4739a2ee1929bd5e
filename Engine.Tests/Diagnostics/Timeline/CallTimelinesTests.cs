using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Diagnostics.Timeline;

namespace RcmlEngine.Tests.Diagnostics.Timeline;

[TestFixture]
public sealed class CallTimelinesTests
{
    [Test]
    public void Add_PastCapacity_OldestDroppedAndCounted()
    {
        var timelines = new CallTimelines(new FakeTimeProvider());
        var timeline = timelines.Begin("CA1", "AC1", null, "call-id-1");

        for (var i = 0; i < CallTimeline.Capacity + 5; i++)
        {
            timeline.Add(CallEventKind.Verb, "verb " + i);
        }

        timeline.Events.Should().HaveCount(CallTimeline.Capacity);
        timeline.Events[0].Title.Should().Be("verb 5");
        timeline.Dropped.Should().Be(5);
    }

    [Test]
    public void End_MoreFinishedThanKept_OldestForgottenWithItsSipDialogs()
    {
        var timelines = new CallTimelines(new FakeTimeProvider(), keepFinished: 2);
        var first = timelines.Begin("CA1", "AC1", null, "dialog-1");
        timelines.End(first);
        timelines.End(timelines.Begin("CA2", "AC1", null, "dialog-2"));
        var running = timelines.Begin("CA4", "AC1", null, "dialog-4");

        timelines.End(timelines.Begin("CA3", "AC1", null, "dialog-3"));

        timelines.Find("CA1").Should().BeNull();
        timelines.BySipCallId("dialog-1").Should().BeNull();
        timelines.Find("CA2").Should().NotBeNull();
        timelines.Find("CA3").Should().NotBeNull();
        timelines.BySipCallId("dialog-4").Should().BeSameAs(running, "a call in progress is never forgotten");
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task WaitForChangeAsync_EventAdded_Completes(CancellationToken cancellationToken)
    {
        var timelines = new CallTimelines(new FakeTimeProvider());
        var timeline = timelines.Begin("CA1", "AC1", null, null);
        var waiting = timelines.WaitForChangeAsync(timelines.Version, cancellationToken);
        waiting.IsCompleted.Should().BeFalse();

        timeline.Add(CallEventKind.Input, "keys 1");

        await waiting;
    }
}
