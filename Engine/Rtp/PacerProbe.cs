namespace RcmlEngine.Rtp;

/// <summary>
/// Measures a <see cref="RtpPacer"/> from inside (load runs only): per stream, the timestamp at which
/// each tick's send returned and the deadline it had. Arrays are allocated up front, so recording
/// allocates nothing.
/// </summary>
internal sealed class PacerProbe
{
    private readonly long[][] _departures;
    private readonly long[][] _deadlines;
    private readonly int[] _counts;

    /// <summary>Room for <paramref name="ticksPerStream"/> departures of each of <paramref name="streams"/> streams.</summary>
    public PacerProbe(int streams, int ticksPerStream)
    {
        _departures = new long[streams][];
        _deadlines = new long[streams][];
        for (var i = 0; i < streams; i++)
        {
            _departures[i] = new long[ticksPerStream];
            _deadlines[i] = new long[ticksPerStream];
        }

        _counts = new int[streams];
    }

    /// <summary>The departures recorded for a stream.</summary>
    public ReadOnlySpan<long> Departures(int stream) => _departures[stream].AsSpan(0, _counts[stream]);

    /// <summary>The deadlines of the departures recorded for a stream.</summary>
    public ReadOnlySpan<long> Deadlines(int stream) => _deadlines[stream].AsSpan(0, _counts[stream]);

    /// <summary>Records a departure and its deadline; streams are numbered in registration order.</summary>
    public void Record(int stream, long deadline, long departure)
    {
        if ((uint)stream < (uint)_counts.Length && _counts[stream] < _departures[stream].Length)
        {
            _deadlines[stream][_counts[stream]] = deadline;
            _departures[stream][_counts[stream]++] = departure;
        }
    }
}
