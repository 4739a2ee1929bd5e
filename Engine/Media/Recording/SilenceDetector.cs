namespace RcmlEngine.Media.Recording;

/// <summary>
/// Tells speech from silence in 20 ms blocks: a block whose RMS reaches the threshold is speech.
/// Counts samples, so it judges received audio the same whatever the clock.
/// </summary>
internal sealed class SilenceDetector(double threshold)
{
    /// <summary>The block length in samples (20 ms at 8 kHz).</summary>
    public const int BlockSamples = 160;

    /// <summary>The RMS level (16-bit scale) at or above which a block counts as speech by default, about -40 dBm0.</summary>
    public const double DefaultThreshold = 250;

    private readonly double _thresholdEnergy = threshold * threshold * BlockSamples;
    private double _energy;

    /// <summary>Samples seen.</summary>
    public long Samples { get; private set; }

    /// <summary>Samples of the block in progress (not judged yet).</summary>
    public int PendingSamples { get; private set; }

    /// <summary>True once a block of speech was seen.</summary>
    public bool HeardSpeech { get; private set; }

    /// <summary>Samples of silence since the last speech (since the start when none yet), in whole blocks.</summary>
    public long TrailingSilence { get; private set; }

    /// <summary>Judges more samples.</summary>
    public void Process(ReadOnlySpan<short> samples)
    {
        foreach (var sample in samples)
        {
            _energy += (double)sample * sample;
            if (++PendingSamples == BlockSamples)
            {
                if (_energy >= _thresholdEnergy)
                {
                    HeardSpeech = true;
                    TrailingSilence = 0;
                }
                else
                {
                    TrailingSilence += BlockSamples;
                }

                _energy = 0;
                PendingSamples = 0;
            }
        }

        Samples += samples.Length;
    }
}
