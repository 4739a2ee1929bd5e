using RcmlEngine.Rtp.Dtmf;

namespace RcmlEngine.Media.Tones;

/// <summary>The tones the engine plays: ringback, the record beep, in-band DTMF, plain sines and silence.</summary>
internal static class StandardTones
{
    /// <summary>The beep played before a recording: 1 kHz for half a second.</summary>
    public static IAudioSource Beep() => new ToneSource([new ToneSegment(TimeSpan.FromMilliseconds(500), [1000.0], -10)]);

    /// <summary>Ringback of a country, repeating until <paramref name="maxLength"/> (or forever).</summary>
    public static IAudioSource Ringback(string? country, TimeSpan? maxLength = null) =>
        new ToneSource(RingbackTones.For(country), repeat: 0, maxLength);

    /// <summary>
    /// The engine's hold and wait music: an arpeggio (C5 E5 G5 E5, 300 ms notes with short rests, -20 dBm0)
    /// that repeats until stopped. Plain tones, so it needs no file and tests can find its notes.
    /// </summary>
    public static IAudioSource HoldMusic() => new LoopingPcmSource(HoldMusicCycle.Value);

    /// <summary>The notes of <see cref="HoldMusic"/> (Hz).</summary>
    public static readonly IReadOnlyList<double> HoldMusicNotes = [523.25, 659.25, 783.99];

    // One round of the tune, synthesized once for every caller who waits.
    private static readonly Lazy<short[]> HoldMusicCycle = new(() =>
    {
        var rest = ToneSegment.Silence(TimeSpan.FromMilliseconds(50));
        var note = TimeSpan.FromMilliseconds(300);
        var tune = new ToneSource(
            [new ToneSegment(note, [HoldMusicNotes[0]], -20), rest, new ToneSegment(note, [HoldMusicNotes[1]], -20), rest,
             new ToneSegment(note, [HoldMusicNotes[2]], -20), rest, new ToneSegment(note, [HoldMusicNotes[1]], -20), rest]);
        var samples = new short[tune.TotalSamples];
        _ = tune.ReadAsync(samples, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return samples;
    });

    /// <summary>Silence of a given length (<c>&lt;Pause&gt;</c>).</summary>
    public static IAudioSource Silence(TimeSpan length) => new ToneSource([ToneSegment.Silence(length)]);

    /// <summary>A sine at a level (test tones).</summary>
    public static IAudioSource Sine(double frequency, TimeSpan length, double levelDbm0) =>
        new ToneSource([new ToneSegment(length, [frequency], levelDbm0)]);

    /// <summary>
    /// Digits played in band (Q.23 pairs): each <paramref name="tone"/> long, separated by
    /// <paramref name="gap"/>; <c>w</c> waits half a second (as <c>sendDigits</c> uses it). Other characters are skipped.
    /// </summary>
    public static IAudioSource Dtmf(string digits, TimeSpan? tone = null, TimeSpan? gap = null)
    {
        var on = tone ?? TimeSpan.FromMilliseconds(100);
        var off = gap ?? TimeSpan.FromMilliseconds(100);
        var segments = new List<ToneSegment>();
        foreach (var digit in digits)
        {
            if (digit is 'w' or 'W')
            {
                segments.Add(ToneSegment.Silence(TimeSpan.FromMilliseconds(500)));
            }
            else if (DtmfEvents.IsDigit(digit))
            {
                var (low, high) = DtmfEvents.Frequencies(digit);
                // Each frequency at -8 dBm0: well within what Q.24 receivers accept, the pair below overload.
                segments.Add(new ToneSegment(on, [low, high], -8));
                segments.Add(ToneSegment.Silence(off));
            }
        }

        return segments.Count == 0 ? Silence(TimeSpan.Zero) : new ToneSource(segments);
    }
}
