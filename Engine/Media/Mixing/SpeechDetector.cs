namespace RcmlEngine.Media.Mixing;

/// <summary>
/// Tells speech from quiet by each frame's mean absolute level: speaking starts after
/// <see cref="OnsetFrames"/> loud frames in a row and stops after <see cref="HangoverFrames"/> quiet
/// ones (the hangover rides over the gaps between words). Drives the conference's <c>speaker</c> events.
/// </summary>
internal sealed class SpeechDetector
{
    /// <summary>Mean absolute sample value above which a frame counts as speech (about -40 dBm0).</summary>
    public const int Threshold = 200;

    /// <summary>Loud frames in a row that start speech (40 ms).</summary>
    public const int OnsetFrames = 2;

    /// <summary>Quiet frames in a row that end it (600 ms).</summary>
    public const int HangoverFrames = 30;

    private int _loud;
    private int _quiet;

    /// <summary>Whether the participant is speaking now.</summary>
    public bool Speaking { get; private set; }

    /// <summary>Takes the next frame (or <c>null</c>-like silence when nothing arrived); true when <see cref="Speaking"/> changed.</summary>
    public bool Observe(ReadOnlySpan<short> frame, bool heard)
    {
        var loud = heard && MeanLevel(frame) > Threshold;
        if (loud)
        {
            _quiet = 0;
            if (!Speaking && ++_loud >= OnsetFrames)
            {
                Speaking = true;
                return true;
            }

            return false;
        }

        _loud = 0;
        if (Speaking && ++_quiet >= HangoverFrames)
        {
            Speaking = false;
            _quiet = 0;
            return true;
        }

        return false;
    }

    /// <summary>Back to quiet without an event (the participant left the mix).</summary>
    public void Reset()
    {
        _loud = 0;
        _quiet = 0;
        Speaking = false;
    }

    private static int MeanLevel(ReadOnlySpan<short> frame)
    {
        long sum = 0;
        foreach (var sample in frame)
        {
            sum += Math.Abs((int)sample);
        }

        return frame.IsEmpty ? 0 : (int)(sum / frame.Length);
    }
}
