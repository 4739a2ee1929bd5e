using RcmlEngine.Media.Mixing;
using RcmlEngine.Media.Recording;

namespace RcmlEngine.Tests.Media.Mixing;

/// <summary>Keeps a copy of every frame the mixer sends (or the recorder gets).</summary>
internal sealed class CollectingMixOutput : IMixOutput, IAudioTap
{
    public List<short[]> Frames { get; } = [];

    public short[] Last => Frames[^1];

    public void Send(ReadOnlySpan<short> frame) => Frames.Add(frame.ToArray());

    public void OnAudio(ReadOnlySpan<short> samples) => Frames.Add(samples.ToArray());
}
