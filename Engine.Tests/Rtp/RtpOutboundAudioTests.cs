using RcmlEngine.Rtp;

namespace RcmlEngine.Tests.Rtp;

[TestFixture]
public sealed class RtpOutboundAudioTests
{
    [Test]
    public void ReadFrame_PlaybackTail_IsPaddedWithSilenceAfterMarkEnd()
    {
        using var audio = new RtpOutboundAudio(1000);
        audio.Write(Enumerable.Repeat((short)5, 200).ToArray()).Should().Be(200);
        var frame = new short[160];

        audio.ReadFrame(frame).Should().BeTrue();
        audio.ReadFrame(frame).Should().BeFalse("40 samples are not a frame while more may come");
        audio.MarkEnd();
        audio.ReadFrame(frame).Should().BeTrue();

        frame.Take(40).Should().OnlyContain(s => s == 5);
        frame.Skip(40).Should().OnlyContain(s => s == 0);
    }

    [Test]
    [CancelAfter(2000)]
    public async Task WaitDrainedAsync_CompletesWhenPacerTookTheLastSample(CancellationToken cancellationToken)
    {
        using var audio = new RtpOutboundAudio(1000);
        audio.Write(new short[320]);
        audio.MarkEnd();
        var drained = audio.WaitDrainedAsync(cancellationToken);
        var frame = new short[160];

        audio.ReadFrame(frame);
        drained.IsCompleted.Should().BeFalse();
        audio.ReadFrame(frame);

        await drained;
    }

    [Test]
    [CancelAfter(2000)]
    public async Task WaitForSpaceAsync_FullRing_CompletesOnceFramesWereRead(CancellationToken cancellationToken)
    {
        using var audio = new RtpOutboundAudio(480);
        audio.Write(new short[600]).Should().Be(480);
        var space = audio.WaitForSpaceAsync(320, cancellationToken);
        var frame = new short[160];

        audio.ReadFrame(frame);
        space.IsCompleted.Should().BeFalse();
        audio.ReadFrame(frame);

        await space;
    }

    [Test]
    public void WriteLive_BeyondLatencyLimit_DropsOldest()
    {
        using var audio = new RtpOutboundAudio(8000);
        audio.WriteLive(Enumerable.Repeat((short)1, 300).ToArray(), maxBuffered: 320);
        audio.WriteLive(Enumerable.Repeat((short)2, 160).ToArray(), maxBuffered: 320);

        audio.Buffered.Should().Be(320);
        var frame = new short[160];
        audio.ReadFrame(frame);
        frame.Should().OnlyContain(s => s == 1);
        audio.ReadFrame(frame);
        frame.Should().OnlyContain(s => s == 2);
    }

    [Test]
    public void Clear_DropsEverythingAtOnce()
    {
        using var audio = new RtpOutboundAudio(1000);
        audio.Write(new short[800]);
        audio.Clear();

        audio.Buffered.Should().Be(0);
        audio.ReadFrame(new short[160]).Should().BeFalse();
    }

    [Test]
    public void Write_AcrossTheRingEnd_KeepsOrder()
    {
        using var audio = new RtpOutboundAudio(400);
        var frame = new short[160];
        audio.Write(new short[320]);
        audio.ReadFrame(frame);
        audio.ReadFrame(frame);
        audio.Write(Enumerable.Range(0, 320).Select(i => (short)i).ToArray());

        audio.ReadFrame(frame);
        audio.ReadFrame(frame.AsSpan());
        frame[0].Should().Be(160);
        frame[159].Should().Be(319);
    }
}
