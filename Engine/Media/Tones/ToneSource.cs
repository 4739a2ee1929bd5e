namespace RcmlEngine.Media.Tones;

/// <summary>
/// Generates a cadence of tone segments, repeated a number of times or until a total length, as an
/// <see cref="IAudioSource"/>. Phases run on within a segment, so tones are clean sines.
/// </summary>
internal sealed class ToneSource : IAudioSource
{
    private readonly IReadOnlyList<ToneSegment> _segments;
    private readonly long _totalSamples;
    private long _produced;
    private int _segment;
    private int _positionInSegment;

    /// <summary>Plays <paramref name="segments"/> <paramref name="repeat"/> times, cut at <paramref name="maxLength"/> when given.</summary>
    public ToneSource(IReadOnlyList<ToneSegment> segments, int repeat = 1, TimeSpan? maxLength = null)
    {
        _segments = segments;
        var cycle = segments.Sum(s => (long)MediaAudio.SamplesOf(s.Duration));
        var repeated = repeat <= 0 || cycle == 0 ? long.MaxValue : cycle * repeat;
        _totalSamples = maxLength is { } max ? Math.Min(repeated, MediaAudio.SamplesOf(max)) : repeated;
        if (cycle == 0)
        {
            _totalSamples = 0;
        }
    }

    /// <summary>The length in samples, or <see cref="long.MaxValue"/> when it repeats forever.</summary>
    public long TotalSamples => _totalSamples;

    /// <inheritdoc />
    public ValueTask<int> ReadAsync(Memory<short> buffer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var span = buffer.Span;
        var count = (int)Math.Min(span.Length, _totalSamples - _produced);
        var written = 0;
        while (written < count)
        {
            var segment = _segments[_segment];
            var length = MediaAudio.SamplesOf(segment.Duration);
            var take = Math.Min(count - written, length - _positionInSegment);
            Fill(segment, _positionInSegment, span.Slice(written, take));
            written += take;
            _positionInSegment += take;
            if (_positionInSegment >= length)
            {
                _positionInSegment = 0;
                _segment = (_segment + 1) % _segments.Count;
            }
        }

        _produced += written;
        return ValueTask.FromResult(written);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static void Fill(ToneSegment segment, int offset, Span<short> destination)
    {
        if (segment.Frequencies.Count == 0)
        {
            destination.Clear();
            return;
        }

        var peak = MediaAudio.PeakOf(segment.LevelDbm0);
        for (var i = 0; i < destination.Length; i++)
        {
            var t = (double)(offset + i) / MediaAudio.SampleRate;
            var value = 0.0;
            foreach (var frequency in segment.Frequencies)
            {
                value += Math.Sin(2 * Math.PI * frequency * t);
            }

            destination[i] = (short)Math.Clamp(Math.Round(peak * value), short.MinValue, short.MaxValue);
        }
    }
}
