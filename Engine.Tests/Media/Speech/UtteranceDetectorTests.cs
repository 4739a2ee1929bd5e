using RcmlEngine.Media.Mixing;
using RcmlEngine.Media.Speech;

namespace RcmlEngine.Tests.Media.Speech;

[TestFixture]
public sealed class UtteranceDetectorTests
{
    private const int Frame = UtteranceDetector.FrameSamples;

    [Test]
    public void OnAudio_SilenceOnly_NeitherStartsNorEnds()
    {
        var detector = new UtteranceDetector(null, TimeSpan.FromSeconds(60));

        Feed(detector, Quiet(frames: 100));

        detector.SpeechStarted.IsCompleted.Should().BeFalse();
        detector.Utterance.IsCompleted.Should().BeFalse();
    }

    [Test]
    public void OnAudio_SpeechThenHangoverOfQuiet_AutoEndsWithPreRollSpeechAndHangover()
    {
        var detector = new UtteranceDetector(null, TimeSpan.FromSeconds(60));

        Feed(detector, Quiet(frames: 50));
        Feed(detector, Loud(frames: 50));
        detector.SpeechStarted.IsCompleted.Should().BeTrue("speech starts after two loud frames");
        Feed(detector, Quiet(frames: SpeechDetector.HangoverFrames - 1));
        detector.Utterance.IsCompleted.Should().BeFalse("a pause shorter than the hangover is a gap between words");
        Feed(detector, Quiet(frames: 1));

        detector.Utterance.IsCompleted.Should().BeTrue();
        var utterance = detector.Utterance.Result;
        // Pre-roll up to the onset (15 frames, the second loud one last), the rest of the speech, the hangover.
        utterance.Length.Should().Be((UtteranceDetector.PreRollFrames + 48 + SpeechDetector.HangoverFrames) * Frame);
        utterance.Take((UtteranceDetector.PreRollFrames - 2) * Frame).Should().OnlyContain(s => s == 0);
        utterance.Skip((UtteranceDetector.PreRollFrames - 2) * Frame).Take(50 * Frame).Should().OnlyContain(s => s != 0);
    }

    [Test]
    public void OnAudio_SpeechTimeoutLongerThanHangover_EndsOnlyAfterThatMuchQuiet()
    {
        var detector = new UtteranceDetector(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));

        Feed(detector, Loud(frames: 20));
        Feed(detector, Quiet(frames: 99));
        detector.Utterance.IsCompleted.Should().BeFalse("2 s of quiet is 100 frames");
        Feed(detector, Quiet(frames: 1));

        detector.Utterance.IsCompleted.Should().BeTrue();
    }

    [Test]
    public void OnAudio_TalkingPastMaxLength_EndsAtMaxLength()
    {
        var detector = new UtteranceDetector(null, TimeSpan.FromSeconds(1));

        Feed(detector, Loud(frames: 200));

        detector.Utterance.IsCompleted.Should().BeTrue();
        detector.Utterance.Result.Length.Should().BeLessThanOrEqualTo(8000);
    }

    [Test]
    public void OnAudio_OddSizedChunks_SameAsWholeFrames()
    {
        var detector = new UtteranceDetector(null, TimeSpan.FromSeconds(60));
        var audio = Loud(frames: 10).Concat(Quiet(frames: SpeechDetector.HangoverFrames)).ToArray();

        for (var offset = 0; offset < audio.Length; offset += 37)
        {
            detector.OnAudio(audio.AsSpan(offset, Math.Min(37, audio.Length - offset)));
        }

        detector.Utterance.IsCompleted.Should().BeTrue();
        detector.Utterance.Result.Length.Should().Be((10 + SpeechDetector.HangoverFrames) * Frame);
    }

    [Test]
    public void Finish_BeforeSpeech_Empty()
    {
        var detector = new UtteranceDetector(null, TimeSpan.FromSeconds(60));
        Feed(detector, Quiet(frames: 10));

        detector.Finish().Should().BeEmpty();
    }

    private static void Feed(UtteranceDetector detector, short[] samples) => detector.OnAudio(samples);

    private static short[] Quiet(int frames) => new short[frames * Frame];

    // A 400 Hz square wave of amplitude 3000: far above the detector's threshold.
    private static short[] Loud(int frames) =>
        Enumerable.Range(0, frames * Frame).Select(i => (short)((i / 10) % 2 == 0 ? 3000 : -3000)).ToArray();
}
