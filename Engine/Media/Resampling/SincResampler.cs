namespace RcmlEngine.Media.Resampling;

/// <summary>
/// A streaming band-limited resampler for any pair of rates: each output sample is the input
/// convolved with a Kaiser-windowed sinc low-pass at the output's Nyquist frequency (or the input's,
/// when upsampling), so content the output cannot carry is removed instead of aliasing. The kernel
/// is tabulated once and interpolated; positions are tracked as exact ratios, so nothing drifts.
/// Push input, pull output, <see cref="Finish"/> to flush the tail.
/// </summary>
internal sealed class SincResampler
{
    /// <summary>Zero crossings of the sinc on each side of the centre (filter length and steepness).</summary>
    public const int ZeroCrossings = 16;

    /// <summary>The passband as a share of the lower Nyquist frequency; the rest is the transition band.</summary>
    public const double Bandwidth = 0.91;

    // Kaiser beta of about 8.6 gives roughly 90 dB of stopband attenuation.
    private const double KaiserBeta = 8.6;
    private const int TableResolution = 512;
    private static readonly float[] Kernel = BuildKernel();

    private readonly int _inputRate;
    private readonly int _outputRate;
    private readonly double _cutoff;
    private readonly int _halfTaps;
    private float[] _buffer = new float[4096];
    private int _count;
    private long _bufferStart;
    private long _inputTotal;
    private long _outputIndex;
    private bool _finished;

    /// <summary>Creates a resampler from <paramref name="inputRate"/> to <paramref name="outputRate"/> samples per second.</summary>
    public SincResampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputRate, 1);
        _inputRate = inputRate;
        _outputRate = outputRate;

        // The cutoff in cycles per input sample, doubled (1.0 is the input's Nyquist frequency).
        _cutoff = Bandwidth * Math.Min(1.0, (double)outputRate / inputRate);
        _halfTaps = (int)Math.Ceiling(ZeroCrossings / _cutoff) + 1;
    }

    /// <summary>Adds input samples (any amount, any time before <see cref="Finish"/>).</summary>
    public void Push(ReadOnlySpan<float> samples)
    {
        if (_count + samples.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + samples.Length));
        }

        samples.CopyTo(_buffer.AsSpan(_count));
        _count += samples.Length;
        _inputTotal += samples.Length;
    }

    /// <summary>No more input: the output continues to the input's end, as if silence followed.</summary>
    public void Finish() => _finished = true;

    /// <summary>Takes as many output samples as the input so far allows; 0 when more input is needed (or all is out).</summary>
    public int Pull(Span<float> output)
    {
        var produced = 0;
        while (produced < output.Length)
        {
            var numerator = _outputIndex * _inputRate;
            var whole = numerator / _outputRate;
            var position = whole + ((double)(numerator % _outputRate) / _outputRate);
            if (_finished ? position >= _inputTotal : whole + _halfTaps >= _bufferStart + _count)
            {
                break;
            }

            output[produced++] = (float)Convolve(whole, position);
            _outputIndex++;
        }

        Compact();
        return produced;
    }

    private double Convolve(long whole, double position)
    {
        var sum = 0.0;
        var first = Math.Max(whole - _halfTaps + 1, _bufferStart);
        var last = Math.Min(whole + _halfTaps, _bufferStart + _count - 1);
        for (var j = first; j <= last; j++)
        {
            var distance = Math.Abs(position - j) * _cutoff * TableResolution;
            var index = (int)distance;
            if (index >= Kernel.Length - 1)
            {
                continue;
            }

            var weight = Kernel[index] + ((distance - index) * (Kernel[index + 1] - Kernel[index]));
            sum += _buffer[j - _bufferStart] * weight;
        }

        return sum * _cutoff;
    }

    /// <summary>Drops input no future output sample reaches.</summary>
    private void Compact()
    {
        var needed = (_outputIndex * _inputRate / _outputRate) - _halfTaps;
        var drop = (int)Math.Clamp(needed - _bufferStart, 0, _count);
        if (drop < 1024)
        {
            return;
        }

        _buffer.AsSpan(drop, _count - drop).CopyTo(_buffer);
        _count -= drop;
        _bufferStart += drop;
    }

    /// <summary>sinc(x) times a Kaiser window over |x| &lt;= <see cref="ZeroCrossings"/>, at 1/512 steps of x.</summary>
    private static float[] BuildKernel()
    {
        var table = new float[(ZeroCrossings * TableResolution) + 2];
        var denominator = BesselI0(KaiserBeta);
        for (var i = 0; i < table.Length; i++)
        {
            var x = (double)i / TableResolution;
            var ratio = x / ZeroCrossings;
            var window = ratio >= 1 ? 0 : BesselI0(KaiserBeta * Math.Sqrt(1 - (ratio * ratio))) / denominator;
            var sinc = i == 0 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);
            table[i] = (float)(sinc * window);
        }

        return table;
    }

    /// <summary>The modified Bessel function of the first kind, order 0, by its power series.</summary>
    private static double BesselI0(double x)
    {
        var sum = 1.0;
        var term = 1.0;
        var half = x / 2;
        for (var k = 1; k < 50; k++)
        {
            term *= half / k;
            sum += term * term;
            if (term * term < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}
