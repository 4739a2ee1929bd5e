using RcmlEngine.Media.Mixing;

namespace RcmlEngine.Tests.Media.Mixing;

[TestFixture]
public sealed class SpeechDetectorTests
{
    private static readonly short[] Loud = Enumerable.Range(0, ConferenceMixer.FrameSamples).Select(i => (short)(i % 2 == 0 ? 3000 : -3000)).ToArray();
    private static readonly short[] Quiet = Enumerable.Range(0, ConferenceMixer.FrameSamples).Select(i => (short)(i % 2 == 0 ? 50 : -50)).ToArray();

    [Test]
    public void Observe_LoudFramesInARow_StartsSpeechAtOnset()
    {
        var detector = new SpeechDetector();

        var changes = Enumerable.Range(0, SpeechDetector.OnsetFrames + 3).Select(_ => detector.Observe(Loud, heard: true)).ToList();

        changes.Should().Equal(Enumerable.Range(0, SpeechDetector.OnsetFrames + 3).Select(i => i == SpeechDetector.OnsetFrames - 1));
        detector.Speaking.Should().BeTrue();
    }

    [Test]
    public void Observe_IsolatedLoudFrames_NeverStartSpeech()
    {
        var detector = new SpeechDetector();

        for (var i = 0; i < 20; i++)
        {
            detector.Observe(Loud, heard: true).Should().BeFalse();
            detector.Observe(Quiet, heard: true).Should().BeFalse();
        }

        detector.Speaking.Should().BeFalse();
    }

    [Test]
    public void Observe_PauseShorterThanHangover_KeepsSpeaking()
    {
        var detector = Speaking();

        for (var i = 0; i < SpeechDetector.HangoverFrames - 1; i++)
        {
            detector.Observe(Quiet, heard: true).Should().BeFalse();
        }

        detector.Observe(Loud, heard: true).Should().BeFalse();
        for (var i = 0; i < SpeechDetector.HangoverFrames - 1; i++)
        {
            detector.Observe(Quiet, heard: true).Should().BeFalse("the loud frame restarted the hangover");
        }

        detector.Speaking.Should().BeTrue();
    }

    [Test]
    public void Observe_QuietForTheHangover_StopsSpeechOnce()
    {
        var detector = Speaking();

        var changes = Enumerable.Range(0, SpeechDetector.HangoverFrames + 5).Select(_ => detector.Observe(Quiet, heard: true)).ToList();

        changes.Should().Equal(Enumerable.Range(0, SpeechDetector.HangoverFrames + 5).Select(i => i == SpeechDetector.HangoverFrames - 1));
        detector.Speaking.Should().BeFalse();
    }

    [Test]
    public void Observe_LoudButNotHeard_CountsAsQuiet()
    {
        var detector = new SpeechDetector();

        for (var i = 0; i < 10; i++)
        {
            detector.Observe(Loud, heard: false).Should().BeFalse();
        }

        detector.Speaking.Should().BeFalse();
    }

    [Test]
    public void Reset_WhileSpeaking_IsQuietWithoutAnEvent()
    {
        var detector = Speaking();

        detector.Reset();

        detector.Speaking.Should().BeFalse();
        detector.Observe(Loud, heard: true).Should().BeFalse("onset counts again from zero");
    }

    private static SpeechDetector Speaking()
    {
        var detector = new SpeechDetector();
        for (var i = 0; i < SpeechDetector.OnsetFrames; i++)
        {
            detector.Observe(Loud, heard: true);
        }

        detector.Speaking.Should().BeTrue();
        return detector;
    }
}
