using RcmlEngine.Media.Mixing;

namespace RcmlEngine.Tests.Media.Mixing;

[TestFixture]
public sealed class MixInputTests
{
    private const int Frame = ConferenceMixer.FrameSamples;

    [Test]
    public void ReadFrame_BeforeTheTarget_GivesSilenceAndFalse()
    {
        using var input = new MixInput(3 * Frame);
        var frame = Filled(-1);

        input.OnAudio(Filled(7));
        input.OnAudio(Filled(7));

        input.ReadFrame(frame).Should().BeFalse();
        frame.Should().AllBeEquivalentTo((short)0);

        input.OnAudio(Filled(7));
        input.ReadFrame(frame).Should().BeTrue();
        frame.Should().AllBeEquivalentTo((short)7);
    }

    [Test]
    public void ReadFrame_AfterRunningDry_GathersTheTargetAgain()
    {
        using var input = new MixInput(2 * Frame);
        var frame = new short[Frame];
        input.OnAudio(Filled(1));
        input.OnAudio(Filled(2));
        input.ReadFrame(frame).Should().BeTrue();
        input.ReadFrame(frame).Should().BeTrue();

        input.ReadFrame(frame).Should().BeFalse("dry");
        input.OnAudio(Filled(3));
        input.ReadFrame(frame).Should().BeFalse("one late packet is not the target: priming again");
        input.OnAudio(Filled(4));

        input.ReadFrame(frame).Should().BeTrue();
        frame.Should().AllBeEquivalentTo((short)3, "nothing is lost while priming");
        input.ReadFrame(frame).Should().BeTrue();
        frame.Should().AllBeEquivalentTo((short)4);
    }

    [Test]
    public void OnAudio_FasterThanRead_KeepsAtMostMaxSamplesOfTheNewest()
    {
        using var input = new MixInput(Frame);
        input.MaxSamples.Should().Be(input.TargetSamples + (3 * Frame));
        for (short i = 1; i <= 20; i++)
        {
            input.OnAudio(Filled(i));
        }

        var frame = new short[Frame];
        var read = new List<short>();
        while (input.ReadFrame(frame))
        {
            read.Add(frame[0]);
        }

        var kept = input.MaxSamples / Frame;
        read.Should().Equal(Enumerable.Range(21 - kept, kept).Select(i => (short)i), "the oldest audio is dropped, so latency stays bounded");
    }

    [Test]
    public void Constructor_TargetBelowAFrame_WaitsForAWholeFrame()
    {
        using var input = new MixInput(0);

        input.TargetSamples.Should().Be(Frame);
    }

    [Test]
    public void Reset_DropsWhatWaitsAndPrimesAgain()
    {
        using var input = new MixInput(Frame);
        var frame = new short[Frame];
        input.OnAudio(Filled(5));
        input.OnAudio(Filled(6));

        input.Reset();

        input.ReadFrame(frame).Should().BeFalse();
        input.OnAudio(Filled(8));
        input.ReadFrame(frame).Should().BeTrue();
        frame.Should().AllBeEquivalentTo((short)8);
    }

    private static short[] Filled(short value) => Enumerable.Repeat(value, Frame).ToArray();
}
