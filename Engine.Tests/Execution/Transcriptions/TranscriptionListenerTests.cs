using RcmlEngine.Execution.Transcriptions;

namespace RcmlEngine.Tests.Execution.Transcriptions;

[TestFixture]
public sealed class TranscriptionListenerTests
{
    private const int Frame = 160;

    [Test]
    public void OnInbound_TwoUtterancesApart_BothQueuedInOrder()
    {
        var listener = new TranscriptionListener();

        listener.OnInbound(Quiet(20));
        listener.OnInbound(Loud(25));
        listener.OnInbound(Quiet(50));
        listener.OnInbound(Loud(75));
        listener.OnInbound(Quiet(50));

        listener.Utterances.TryRead(out var first).Should().BeTrue("the first utterance ended after its quiet");
        listener.Utterances.TryRead(out var second).Should().BeTrue("a fresh detector caught the second");
        second!.Length.Should().BeGreaterThan(first!.Length + (40 * Frame), "the second one is 50 frames longer");
        listener.Utterances.TryRead(out _).Should().BeFalse();
    }

    [Test]
    public void Finish_SpeechUnderWay_HandedOnAndQueueCompletes()
    {
        var listener = new TranscriptionListener();
        listener.OnInbound(Quiet(10));
        listener.OnInbound(Loud(30));

        listener.Finish();
        listener.OnInbound(Loud(30));

        listener.Utterances.TryRead(out var cut).Should().BeTrue("what was said before the stop is still transcribed");
        cut!.Length.Should().BeGreaterThanOrEqualTo(30 * Frame);
        listener.Utterances.Completion.IsCompleted.Should().BeTrue("nothing is heard after the stop");
    }

    [Test]
    public void Finish_OnlyQuiet_NothingQueued()
    {
        var listener = new TranscriptionListener();
        listener.OnInbound(Quiet(100));

        listener.Finish();

        listener.Utterances.TryRead(out _).Should().BeFalse();
    }

    private static short[] Quiet(int frames) => new short[frames * Frame];

    // A 400 Hz square wave of amplitude 3000: far above the detector's threshold.
    private static short[] Loud(int frames) =>
        Enumerable.Range(0, frames * Frame).Select(i => (short)((i / 10) % 2 == 0 ? 3000 : -3000)).ToArray();
}
