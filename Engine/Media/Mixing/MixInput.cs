using RcmlEngine.Media.Recording;
using RcmlEngine.Rtp;

namespace RcmlEngine.Media.Mixing;

/// <summary>
/// A participant's received audio waiting to be mixed: the receive loop writes it as it arrives
/// (<see cref="IAudioTap"/>), the mixer takes one frame per tick. A small jitter buffer: reading starts
/// once <see cref="TargetSamples"/> are waiting and starts over after running dry, so a packet arriving a
/// little late is still mixed in its turn; at most <see cref="MaxSamples"/> wait (the oldest are dropped),
/// which bounds the latency a sender with a fast clock could build up.
/// </summary>
internal sealed class MixInput : IAudioTap, IDisposable
{
    private readonly RtpOutboundAudio _ring;
    private volatile bool _priming = true;

    /// <summary>Creates an input that waits for <paramref name="targetSamples"/> before mixing.</summary>
    public MixInput(int targetSamples)
    {
        TargetSamples = Math.Max(targetSamples, ConferenceMixer.FrameSamples);
        MaxSamples = TargetSamples + (3 * ConferenceMixer.FrameSamples);
        _ring = new RtpOutboundAudio(RtpOutboundAudio.DefaultCapacity);
    }

    /// <summary>How much audio is gathered before mixing starts (the jitter buffer's depth).</summary>
    public int TargetSamples { get; }

    /// <summary>The most audio that may wait.</summary>
    public int MaxSamples { get; }

    /// <inheritdoc />
    public void OnAudio(ReadOnlySpan<short> samples) => _ring.WriteLive(samples, MaxSamples);

    /// <summary>Mixer side: the next frame, or false (and silence) while gathering or dry.</summary>
    public bool ReadFrame(Span<short> frame)
    {
        if (_priming)
        {
            if (_ring.Buffered < TargetSamples)
            {
                frame.Clear();
                return false;
            }

            _priming = false;
        }

        if (_ring.ReadFrame(frame))
        {
            return true;
        }

        _priming = true;
        return false;
    }

    /// <summary>Forgets what is waiting (the participant left the mix, or was held).</summary>
    public void Reset()
    {
        _ring.Clear();
        _priming = true;
    }

    /// <inheritdoc />
    public void Dispose() => _ring.Dispose();
}
